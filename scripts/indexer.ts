/**
 * `npm run indexer`: reads the escrow's events into the database (lib/indexer/server).
 * Started by `npm run dev` and the e2e stack as a supervised child; on a real deployment run it
 * as its own long-lived process next to `npm start`. SIGINT/SIGTERM stop it between ticks.
 * Needs the react-server condition (tsx --conditions=react-server) to load the domains' server/ parts.
 * The webhook worker (lib/webhooks/server/worker.ts) runs in this process too, in its own loop, so a
 * slow webhook receiver never holds up indexing.
 */
import { createServer } from "node:http";
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { publicClient } from "@/lib/chain/server/client";
import { db } from "@/lib/core/server/db";
import { metrics } from "@/lib/core/server/metrics";
import { runIndexer } from "@/lib/indexer/server/run";
import { runWebhookWorker } from "@/lib/webhooks/server/worker";

async function main() {
  if (!env.ESCROW_ADDRESS) throw new Error("ESCROW_ADDRESS is not set: there is no escrow to index (see README, Deploying the escrow).");
  const escrow = getAddress(env.ESCROW_ADDRESS);
  // An escrow for another token would credit orders with money in the wrong coin: refuse to start.
  const token = await publicClient.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "token" });
  if (getAddress(token) !== getAddress(env.TOKEN_ADDRESS)) {
    throw new Error(`ESCROW_ADDRESS ${escrow} holds token ${token}, not TOKEN_ADDRESS ${env.TOKEN_ADDRESS}.`);
  }
  const symbol = await publicClient.readContract({ address: token, abi: erc20Abi, functionName: "symbol" });

  // Its own metrics (lag, leadership, failed ticks) on an internal port: this process has no HTTP server otherwise.
  const metricsServer = env.INDEXER_METRICS_PORT
    ? createServer((req, res) => {
        if (req.url !== "/metrics") return void res.writeHead(404).end();
        void metrics.registry.metrics().then((body) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body));
      }).listen(env.INDEXER_METRICS_PORT, "127.0.0.1")
    : null;

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`indexer: ${symbol} escrow ${escrow}, chain ${env.CHAIN_ID}, from block ${env.INDEXER_START_BLOCK}`);
  const webhooks = runWebhookWorker({ db, signal: controller.signal, log: (m) => console.log(`webhooks: ${m}`) });
  await runIndexer({
    db,
    client: publicClient,
    databaseUrl: env.DATABASE_URL,
    chainId: env.CHAIN_ID,
    escrow,
    confirmations: env.INDEXER_CONFIRMATIONS,
    startBlock: env.INDEXER_START_BLOCK,
    pollMs: 500,
    signal: controller.signal,
    log: (m) => console.log(`indexer: ${m}`),
  });
  await webhooks;
  metricsServer?.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`indexer failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
