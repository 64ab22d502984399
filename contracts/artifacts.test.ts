import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileContracts, solcVersion } from "@/contracts/compile";
import { renderArtifact } from "@/contracts/render";

describe("generated contract artifacts", () => {
  it("match what the committed Solidity sources compile to", () => {
    const version = solcVersion();
    const compiled = compileContracts();
    expect(compiled.map((c) => c.name)).toEqual(expect.arrayContaining(["TestUSDC", "IdlegridEscrow", "MockERC20"]));
    for (const contract of compiled) {
      const committed = readFileSync(path.join(import.meta.dirname, "..", "lib", "chain", "generated", `${contract.name}.ts`), "utf8");
      // A mismatch means someone changed a contract without running `npm run contracts:build`.
      expect(committed, `${contract.name}.ts is stale`).toBe(renderArtifact(contract, version));
    }
  }, 120_000);
});
