/**
 * The stack Playwright tests run against: a fresh database (in-memory PGlite, or
 * a new database on DATABASE_URL's server), a fresh anvil with the contracts
 * deployed, migrations, demo data, and the production build under `next start`.
 * Started by playwright.config.ts; stops everything on SIGTERM/SIGINT. Where the
 * stack lives is written to test-results/e2e-stack.json for the test fixtures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployLocal } from "./lib/deploy-local";
import { e2ePorts } from "./lib/e2e-ports";
import { createTempDatabase, localStackEnv, migrate, root, runTs, startAnvil, startIndexer, startPglite } from "./lib/services";
import { Supervisor, waitFor } from "./lib/supervisor";

const tmp = path.join(os.tmpdir(), "idlegrid-e2e");
const sup = new Supervisor(path.join(tmp, "pids.json"));
let dropDatabase: (() => Promise<void>) | undefined;

async function stop(code: number) {
  await sup.stopAll();
  await dropDatabase?.().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function main() {
  await sup.reapStale();
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const temp = await createTempDatabase(process.env.DATABASE_URL, "idlegrid_e2e");
    databaseUrl = temp.url;
    dropDatabase = temp.drop;
  } else {
    databaseUrl = await startPglite(sup, { dataDir: "memory://", port: e2ePorts.database, logFile: path.join(tmp, "db.log") });
  }
  await migrate(databaseUrl);
  const rpcUrl = await startAnvil(sup, { port: e2ePorts.chain, logFile: path.join(tmp, "chain.log") });
  const { token, escrow } = await deployLocal(rpcUrl);

  const appUrl = `http://127.0.0.1:${e2ePorts.app}`;
  // e2e/agent.spec.ts runs an agent with 1 s heartbeats and waits for it to go offline once killed.
  const env = {
    ...localStackEnv({ databaseUrl, rpcUrl, token, escrow, appUrl }),
    AGENT_OFFLINE_AFTER_SECONDS: "8",
    AGENT_REQUESTS_PER_MINUTE: "600",
  };
  await runTs("prisma/seed.ts", env);

  const stackFile = path.join(root, "test-results", "e2e-stack.json");
  mkdirSync(path.dirname(stackFile), { recursive: true });
  writeFileSync(stackFile, JSON.stringify({ databaseUrl, rpcUrl, token, escrow, appUrl }, null, 2));

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  sup.spawn("web", process.execPath, [nextBin, "start", "--port", String(e2ePorts.app), "--hostname", "127.0.0.1"], {
    env,
    prefix: "[web] ",
  });
  startIndexer(sup, env, { logFile: path.join(tmp, "indexer.log") });
  sup.watch((name, code) => {
    console.error(`${name} exited (code ${code})`);
    void stop(1);
  });
  await waitFor("next start", async () => (await fetch(`${appUrl}/api/health`)).ok, 60_000);
  console.log(`e2e stack ready at ${appUrl}`);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stop(1);
});
