/**
 * A throw-away stack for scripts that look at the running app (the page benchmark, the README
 * screenshots): in-memory PGlite, a fresh anvil with the contracts, migrations and the demo seed,
 * and the production build under `next start`, all on free ports so it can run beside `npm run dev`
 * and the e2e stack. It holds the same lock as `npm test`'s build and browser stages, because both
 * use .next/: a build started meanwhile would pull the files from under `next start`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployLocal } from "./deploy-local";
import { localStackEnv, migrate, root, runTs, startAnvil, startIndexer, startPglite } from "./services";
import { freePort, Supervisor, waitFor } from "./supervisor";

export interface AppStack {
  appUrl: string;
  rpcUrl: string;
  databaseUrl: string;
  token: `0x${string}`;
  escrow: `0x${string}`;
  stop: () => Promise<void>;
}

const lockDir = path.join(os.tmpdir(), "idlegrid-e2e.lock");

function lockHolder(): number {
  try {
    return Number(readFileSync(path.join(lockDir, "pid"), "utf8").trim() || "0");
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

/** Takes the build/e2e lock (the protocol of scripts/test.ts), taking over one left by a dead process. */
async function takeBuildLock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      const holder = lockHolder();
      if (!isAlive(holder)) rmSync(lockDir, { recursive: true, force: true });
      else {
        console.log(`waiting for another build or browser test run (pid ${holder})…`);
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
  }
}

/** `next build` with placeholder chain and database values: the server reads the real ones at run time. */
function build(): boolean {
  console.log("Building (next build)…");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
    RPC_URL: "http://127.0.0.1:8545",
    CHAIN_ID: "31337",
    TOKEN_ADDRESS: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    ESCROW_ADDRESS: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    APP_URL: "http://127.0.0.1:3000",
  };
  return (
    spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      env,
      stdio: "inherit",
    }).status === 0
  );
}

/**
 * Starts the stack; `name` names its log folder under the system temp directory. With `build`, it
 * builds first while holding the lock, so no other run can replace .next/ in between.
 */
/** `history`: the chain starts 30 days back and gets the dev demo history (scripts/demo-history.ts), as `npm run dev` does. */
export async function startAppStack(name: string, opts: { indexer?: boolean; build?: boolean; history?: boolean } = {}): Promise<AppStack> {
  // Checked once the lock is held: a build running meanwhile empties .next/ until it finishes.
  const release = await takeBuildLock();
  if (opts.build && !build()) {
    release();
    throw new Error("next build failed.");
  }
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    release();
    throw new Error("No production build in .next/: run `npm run build` first.");
  }
  const tmp = path.join(os.tmpdir(), `idlegrid-${name}`);
  const sup = new Supervisor(path.join(tmp, "pids.json"));
  const stop = async () => {
    await sup.stopAll();
    release();
  };
  try {
    await sup.reapStale();
    const [dbPort, chainPort, appPort] = [await freePort(), await freePort(), await freePort()];
    const databaseUrl = await startPglite(sup, { dataDir: "memory://", port: dbPort, logFile: path.join(tmp, "db.log") });
    await migrate(databaseUrl);
    const genesisTimestamp = opts.history ? Math.floor(Date.now() / 1000) - 30 * 86_400 : undefined;
    const rpcUrl = await startAnvil(sup, { port: chainPort, logFile: path.join(tmp, "chain.log"), genesisTimestamp });
    const { token, escrow } = await deployLocal(rpcUrl);
    const appUrl = `http://127.0.0.1:${appPort}`;
    const env = localStackEnv({ databaseUrl, rpcUrl, token, escrow, appUrl });
    await runTs("prisma/seed.ts", env);
    if (opts.history) await runTs("scripts/demo-history.ts", env);
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    sup.spawn("web", process.execPath, [nextBin, "start", "--port", String(appPort), "--hostname", "127.0.0.1"], {
      env,
      logFile: path.join(tmp, "web.log"),
    });
    if (opts.indexer) startIndexer(sup, env, { logFile: path.join(tmp, "indexer.log") });
    await waitFor("next start", async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.ok === true, 60_000);
    return { appUrl, rpcUrl, databaseUrl, token, escrow, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
