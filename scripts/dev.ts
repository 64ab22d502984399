/**
 * `npm run dev`: the whole marketplace on embedded defaults, one command.
 *
 * - DATABASE_URL unset -> embedded PostgreSQL (PGlite) with data in .data/pglite
 * - RPC_URL unset      -> local anvil chain (31337) with state in .data/anvil-state.json,
 *                         the test stablecoin deployed and the demo accounts funded
 * - migrations applied, demo data seeded into an empty database
 * - Next.js on http://localhost:3000 (PORT to change)
 *
 * Ctrl-C stops everything; a run that was killed is cleaned up by the next one.
 * `npm run dev -- --fresh` starts over: it deletes .data/ (the embedded database, the chain state, logs)
 * first. A database named by DATABASE_URL is never touched.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { demoAccounts } from "../dev/demo-roster";
import { LOCAL_CHAIN_ID } from "../lib/chain/chains";
import { deployLocal } from "./lib/deploy-local";
import { generateClientIfStale, migrate, root, runTs, startAnvil, startIndexer, startPglite } from "./lib/services";
import { Supervisor, waitFor } from "./lib/supervisor";
import { startDevAgents } from "./lib/dev-agents";

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const devConfig = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PGLITE_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    ANVIL_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
    DATABASE_URL: z.string().optional(),
    RPC_URL: z.string().optional(),
    CHAIN_ID: z.string().optional(),
    TOKEN_ADDRESS: z.string().optional(),
    ESCROW_ADDRESS: z.string().optional(),
    /** How many demo machines get a simulated agent (scripts/lib/dev-agents.ts); 0 for none. */
    DEV_AGENTS: z.coerce.number().int().min(0).max(40).default(6),
  })
  .refine((c) => !c.RPC_URL || (c.CHAIN_ID && c.TOKEN_ADDRESS), {
    message: "RPC_URL is set, so CHAIN_ID and TOKEN_ADDRESS must be set too (the local chain deploys its own token)",
  });

const parsed = devConfig.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
if (!parsed.success) {
  console.error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`).join("\n")}`);
  process.exit(1);
}
const config = parsed.data;
const { values: flags } = parseArgs({ options: { fresh: { type: "boolean", default: false } } });
const dataDir = path.join(root, ".data");
const started = Date.now();
const sup = new Supervisor(path.join(dataDir, "dev-pids.json"));

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("\nStopping Idlegrid…");
  await sup.stopAll();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

function step(message: string) {
  console.log(`• ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  const reaped = await sup.reapStale();
  if (reaped > 0) step(`stopped ${reaped} process(es) left by an earlier run`);
  if (flags.fresh) {
    // After the reap, so nothing still writes into the folder being deleted.
    rmSync(dataDir, { recursive: true, force: true });
    step("--fresh: deleted .data/ (embedded database, chain state, logs)");
  }
  if (await generateClientIfStale()) step("Prisma client generated for the current schema");

  const databaseUrl =
    config.DATABASE_URL ??
    (await startPglite(sup, {
      dataDir: path.join(dataDir, "pglite"),
      port: config.PGLITE_PORT,
      logFile: path.join(dataDir, "logs", "db.log"),
    }));
  const databaseLabel = config.DATABASE_URL
    ? `PostgreSQL at ${new URL(databaseUrl).host}`
    : `embedded PGlite (.data/pglite, port ${config.PGLITE_PORT})`;
  step(`database ready: ${databaseLabel}`);
  await migrate(databaseUrl);
  step("migrations applied");

  let rpcUrl: string;
  let chainId: string;
  let tokenAddress: string;
  // On a chain you bring yourself the escrow is optional until you deploy one (README).
  let escrowAddress: string | undefined;
  let freshChain = false;
  if (config.RPC_URL) {
    rpcUrl = config.RPC_URL;
    chainId = config.CHAIN_ID as string;
    tokenAddress = config.TOKEN_ADDRESS as string;
    escrowAddress = config.ESCROW_ADDRESS;
  } else {
    const statePath = path.join(dataDir, "anvil-state.json");
    // A fresh chain starts 30 days back, so the demo history below can pay rentals at past block times.
    freshChain = !existsSync(statePath);
    rpcUrl = await startAnvil(sup, {
      port: config.ANVIL_PORT,
      statePath,
      logFile: path.join(dataDir, "logs", "chain.log"),
      genesisTimestamp: freshChain ? Math.floor(Date.now() / 1000) - 30 * 86_400 : undefined,
    });
    const deployment = await deployLocal(rpcUrl, path.join(dataDir, "deployments.json"));
    chainId = String(deployment.chainId);
    tokenAddress = deployment.token;
    escrowAddress = deployment.escrow;
  }
  step(
    `chain ready: ${config.RPC_URL ? rpcUrl : `local anvil at ${rpcUrl}`} (chain ${chainId}), token ${tokenAddress}, escrow ${escrowAddress ?? "not set"}`,
  );

  const appUrl = `http://localhost:${config.PORT}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    RPC_URL: rpcUrl,
    CHAIN_ID: chainId,
    TOKEN_ADDRESS: tokenAddress,
    ...(escrowAddress ? { ESCROW_ADDRESS: escrowAddress } : {}),
    APP_URL: process.env.APP_URL ?? appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // Demo data (with its well-known admin key) only ever goes into the local chain's database.
  if (chainId === String(LOCAL_CHAIN_ID)) {
    const seeded = await runTs("prisma/seed.ts", appEnv);
    step(seeded.trim().split("\n").pop() ?? "seed done");
  } else {
    step(`demo data not seeded: chain ${chainId} is not the local chain ${LOCAL_CHAIN_ID}`);
  }
  // Also moves the fresh chain's clock to the present, history or not: it must run whenever it started in the past.
  if (freshChain && escrowAddress) step((await runTs("scripts/demo-history.ts", appEnv)).trim().split("\n").pop() ?? "demo history done");

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  sup.spawn("web", process.execPath, [nextBin, "dev", "--port", String(config.PORT)], { env: appEnv, prefix: "[web] " });
  // Orders become FUNDED only through the indexer reading the chain, so dev runs it too.
  if (startIndexer(sup, appEnv, { logFile: path.join(dataDir, "logs", "indexer.log") }))
    step("indexer started (log: .data/logs/indexer.log)");
  sup.watch((name, code) => {
    console.error(`\n${name} exited unexpectedly (code ${code}); stopping the rest.`);
    void shutdown(1);
  });
  // The first request compiles the route; waiting here means the URL works when printed.
  await waitFor("the web app", async () => (await fetch(`${appUrl}/api/health`)).ok, 180_000);
  await fetch(appUrl).catch(() => undefined);
  // Simulated machine agents for the demo providers' listings; a failure here leaves the app running.
  const agents = await startDevAgents(sup, { databaseUrl, appUrl: appEnv.APP_URL ?? appUrl, dataDir, count: config.DEV_AGENTS }).catch(
    (error: unknown) => {
      console.error(`simulated machine agents not started: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return null;
    },
  );
  if (agents && agents.started > 0) {
    step(
      `${agents.started} simulated machine agent(s) running (logs: .data/logs/agents/), machine ${agents.flapping} goes offline now and then`,
    );
  }

  const accounts = demoAccounts
    .filter((a) => a.role !== "deployer")
    .map((a) => `    ${a.label.padEnd(30)} ${a.address}`)
    .join("\n");
  console.log(`
  Idlegrid is running (${((Date.now() - started) / 1000).toFixed(1)} s)

    App       ${appUrl}
    Health    ${appUrl}/api/health
    Database  ${databaseLabel}
    Chain     ${chainId} via ${rpcUrl}
    Token     ${tokenAddress}
    Escrow    ${escrowAddress ?? "not set (ESCROW_ADDRESS)"}

  Demo accounts (anvil test mnemonic; use "Dev wallet" in the app):
${accounts}

  Press Ctrl-C to stop.
`);
}

main().catch(async (error: unknown) => {
  console.error(`\nnpm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
