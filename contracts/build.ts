/**
 * `npm run contracts:build`: compiles the contracts and writes one typed module per contract,
 * ABI `as const` so viem and wagmi calls are fully typed: the app's contracts to
 * lib/chain/generated/, the test-only mocks of contracts/src/mocks/ to contracts/generated/, so
 * no mock ABI or bytecode sits where production code could import it. A generated module whose
 * contract no longer exists is deleted. The output is committed; never edit it by hand.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileContracts, solcVersion } from "./compile";
import { appArtifactDir, artifactFile, renderArtifact, testArtifactDir } from "./render";

const version = solcVersion();
const written = new Set<string>();
for (const contract of compileContracts()) {
  const file = artifactFile(contract);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderArtifact(contract, version));
  written.add(file);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
for (const dir of [appArtifactDir, testArtifactDir]) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const file = path.join(dir, name);
    if (written.has(file)) continue;
    rmSync(file);
    console.log(`removed ${path.relative(process.cwd(), file)}`);
  }
}
