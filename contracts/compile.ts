/**
 * Compiles every .sol file under contracts/src (test mocks in contracts/src/mocks
 * included) offline with solc-js (the npm `solc` package), so
 * no compiler download is ever needed. Imports of `@openzeppelin/...` resolve to
 * node_modules. Used by the build script and by the test that proves the
 * committed artifacts match the sources.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
export const sourceDir = path.join(root, "contracts", "src");

export interface CompiledContract {
  name: string;
  source: string;
  abi: unknown[];
  bytecode: `0x${string}`;
}

type SolcOutput = {
  errors?: { severity: "error" | "warning"; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
};

export const compilerSettings = {
  // Cancun is supported by every chain the app targets (Base, Ethereum, anvil).
  evmVersion: "cancun",
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
} as const;

function findImport(importPath: string) {
  try {
    const resolved = importPath.startsWith("@") ? require.resolve(importPath) : path.resolve(sourceDir, importPath);
    return { contents: readFileSync(resolved, "utf8") };
  } catch {
    return { error: `File not found: ${importPath}` };
  }
}

export function solcVersion(): string {
  const solc = require("solc") as { version(): string };
  return solc.version();
}

export function compileContracts(): CompiledContract[] {
  const solc = require("solc") as { compile(input: string, opts: { import: typeof findImport }): string };
  // Source unit names are paths relative to contracts/src ("mocks/MockERC20.sol"), so relative
  // imports between sources resolve the way solc expects.
  const files = readdirSync(sourceDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".sol"))
    .sort();
  const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(path.join(sourceDir, f), "utf8") }]));
  const output = JSON.parse(
    solc.compile(JSON.stringify({ language: "Solidity", sources, settings: compilerSettings }), { import: findImport }),
  ) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));

  const compiled: CompiledContract[] = [];
  for (const file of files) {
    for (const [name, artifact] of Object.entries(output.contracts?.[file] ?? {})) {
      const bytecode = artifact.evm.bytecode.object;
      if (!bytecode) continue; // interfaces and abstract contracts have no deployable code
      compiled.push({ name, source: file, abi: artifact.abi, bytecode: `0x${bytecode}` });
    }
  }
  return compiled;
}
