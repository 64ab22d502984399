/**
 * `npm test`: every check, in the order that fails fastest.
 *   1. type check (tsc)          2. lint (eslint, then prettier --check)
 *   3. unit + integration tests (vitest; real database and anvil, see test/global-setup.ts)
 *   4. production build (next build)
 *   5. browser tests (Playwright in Debian's Chromium against `next start`)
 * Every stage runs even if an earlier one failed (except the browser tests,
 * which need the build), and the run ends with one summary line.
 *
 *   npm test                         everything
 *   npm test -- --only unit          one or more stages (typecheck,lint,unit,build,e2e)
 *   npm test -- --only build,e2e -- e2e/landing.spec.ts   extra args go to the last stage's runner
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { e2ePorts } from "./lib/e2e-ports";
import { root } from "./lib/services";

const stages = ["typecheck", "lint", "unit", "build", "e2e"] as const;
type Stage = (typeof stages)[number];

const separator = process.argv.indexOf("--", 2);
const own = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const extra = separator === -1 ? [] : process.argv.slice(separator + 1);
const { values } = parseArgs({ args: own, options: { only: { type: "string" } } });
const selected: Stage[] = values.only ? (values.only.split(",") as Stage[]) : [...stages];
for (const s of selected) if (!stages.includes(s)) throw new Error(`unknown stage "${s}"; stages are ${stages.join(", ")}`);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (selected.includes("e2e") && !existsSync(chromium)) {
  console.error(`Chromium is needed for the browser tests and was not found at ${chromium}.
Install Debian's Chromium with:  sudo apt-get install -y chromium
(or point CHROMIUM_PATH at another Chromium binary). Playwright's own browser download is not used.`);
  process.exit(1);
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n$ ${[path.basename(command), ...args].join(" ")}`);
  return spawnSync(command, args, { cwd: root, env, stdio: "inherit" }).status === 0;
}

/**
 * Builds and browser tests share .next/ and fixed ports, so two runs on one
 * machine take turns; a lock left by a dead process is taken over.
 */
function withE2eLock<T>(fn: () => T): T {
  const lock = path.join(os.tmpdir(), "idlegrid-e2e.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const holder = Number(readFileSync(path.join(lock, "pid"), "utf8").trim() || "0");
      let alive = false;
      try {
        if (holder) process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      if (!alive) rmSync(lock, { recursive: true, force: true });
      else {
        console.log(`waiting for another test run (pid ${holder}) to finish its build and browser tests…`);
        spawnSync("sleep", ["5"]);
      }
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// next build validates the environment (next.config.js imports env.js). The
// values are the ones the e2e stack will use; server code reads them at run time.
const buildEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${e2ePorts.database}/postgres`,
  RPC_URL: `http://127.0.0.1:${e2ePorts.chain}`,
  CHAIN_ID: "31337",
  TOKEN_ADDRESS: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  ESCROW_ADDRESS: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  // Required in production (env.js); the server reads the stack's real one at run time.
  APP_URL: "http://127.0.0.1:3000",
};

const last = selected[selected.length - 1];
const argsFor = (stage: Stage) => (stage === last ? extra : []);
const outcome = new Map<Stage, boolean>();
const runners: Record<Stage, () => boolean> = {
  typecheck: () => run(bin("tsc"), ["--noEmit"]),
  lint: () => run(bin("eslint"), [".", "--max-warnings", "0"]) && run(bin("prettier"), ["--check", "--log-level", "warn", "."]),
  unit: () =>
    run(bin("vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${path.join(resultsDir, "vitest.json")}`,
      ...argsFor("unit"),
    ]),
  build: () => run(bin("next"), ["build"], buildEnv),
  e2e: () => {
    if (outcome.get("build") === false) {
      console.log("\nbrowser tests skipped: the build failed");
      return false;
    }
    return run(bin("playwright"), ["test", ...argsFor("e2e")]);
  },
};

for (const stage of selected) {
  rmSync(path.join(resultsDir, stage === "unit" ? "vitest.json" : "e2e-report.json"), { force: true });
  const ok = stage === "build" || stage === "e2e" ? withE2eLock(runners[stage]) : runners[stage]();
  outcome.set(stage, ok);
}

function counts(stage: Stage, file: string, read: (json: never) => [number, number, number]): [number, number, number] {
  if (!outcome.has(stage)) return [0, 0, 0];
  try {
    return read(JSON.parse(readFileSync(path.join(resultsDir, file), "utf8")) as never);
  } catch {
    return [0, 0, 0];
  }
}
const [vPassed, vFailed, vSkipped] = counts(
  "unit",
  "vitest.json",
  (j: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => [
    j.numPassedTests,
    j.numFailedTests,
    j.numPendingTests + j.numTodoTests,
  ],
);
const [pPassed, pFailed, pSkipped] = counts(
  "e2e",
  "e2e-report.json",
  (j: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => [
    j.stats.expected,
    j.stats.unexpected + j.stats.flaky,
    j.stats.skipped,
  ],
);
const failedStages = [...outcome].filter(([, ok]) => !ok).map(([s]) => s);

console.log("\nSummary");
for (const [stage, ok] of outcome) console.log(`  ${ok ? "ok  " : "FAIL"} ${stage}`);
console.log(`  vitest: ${vPassed} passed, ${vFailed} failed, ${vSkipped} skipped`);
console.log(`  playwright: ${pPassed} passed, ${pFailed} failed, ${pSkipped} skipped`);
// Stage failures without a failed test (a type error, a lint error, a broken build) still count as failures.
const failed = vFailed + pFailed + failedStages.filter((s) => s !== "unit" && s !== "e2e").length;
console.log(`${vPassed + pPassed} passed, ${failed} failed, ${vSkipped + pSkipped} skipped`);
process.exit(failedStages.length > 0 ? 1 : 0);
