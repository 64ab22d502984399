import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileContracts, solcVersion } from "@/contracts/compile";
import { appArtifactDir, artifactFile, renderArtifact, testArtifactDir } from "@/contracts/render";

describe("generated contract artifacts", () => {
  it("match what the committed Solidity sources compile to, mocks outside the app's tree", () => {
    const version = solcVersion();
    const compiled = compileContracts();
    expect(compiled.map((c) => c.name)).toEqual(expect.arrayContaining(["TestUSDC", "IdlegridEscrow", "MockERC20"]));
    for (const contract of compiled) {
      const committed = readFileSync(artifactFile(contract), "utf8");
      // A mismatch means someone changed a contract without running `npm run contracts:build`.
      expect(committed, `${contract.name}.ts is stale`).toBe(renderArtifact(contract, version));
    }
    // Production code imports lib/chain/generated: only the app's contracts belong there, and a
    // module left behind by a deleted contract would still compile against a contract that is gone.
    const files = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .sort();
    const expected = (dir: string) =>
      compiled
        .filter((c) => path.dirname(artifactFile(c)) === dir)
        .map((c) => `${c.name}.ts`)
        .sort();
    expect(files(appArtifactDir)).toEqual(["IdlegridEscrow.ts", "TestUSDC.ts"]);
    expect(files(appArtifactDir)).toEqual(expected(appArtifactDir));
    expect(files(testArtifactDir)).toEqual(expected(testArtifactDir));
  }, 120_000);
});
