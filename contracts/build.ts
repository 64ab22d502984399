/**
 * `npm run contracts:build`: compiles the contracts and writes one typed module
 * per contract to lib/chain/generated/, ABI `as const` so viem and wagmi calls
 * are fully typed. The output is committed; never edit it by hand.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileContracts, solcVersion } from "./compile";
import { renderArtifact } from "./render";

const outDir = path.resolve(import.meta.dirname, "..", "lib", "chain", "generated");
mkdirSync(outDir, { recursive: true });
const version = solcVersion();
for (const contract of compileContracts()) {
  const file = path.join(outDir, `${contract.name}.ts`);
  writeFileSync(file, renderArtifact(contract, version));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
