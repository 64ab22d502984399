import "server-only";
/**
 * The long-running indexer: takes the advisory lock, then ticks forever. RPC and database
 * errors are logged and retried with exponential backoff (1 s doubling to 30 s); nothing is
 * lost by a failed tick because nothing of it was committed. Stops when `signal` aborts.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Address, PublicClient } from "viem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createIndexer, type TickResult } from "@/lib/indexer/server/indexer";
import { tryIndexerLock, type IndexerLock } from "@/lib/indexer/server/lock";
import { metrics } from "@/lib/core/server/metrics";
import { expireJobs } from "@/lib/jobs/server/expiry";
import { agentSweepIntervalMs, sweepAgents } from "@/lib/machines/server/sweeper";
import { sweepLapsedReservations } from "@/lib/orders/server/capacity";

export interface RunOptions {
  db: PrismaClient;
  client: PublicClient;
  databaseUrl: string;
  chainId: number;
  escrow: Address;
  confirmations: number;
  startBlock: bigint;
  pollMs?: number;
  signal: AbortSignal;
  log?: (message: string) => void;
}

const MAX_BACKOFF_MS = 30_000;
const EXPIRY_SWEEP_MS = 15_000;

async function pause(ms: number, signal: AbortSignal) {
  await sleep(ms, undefined, { signal }).catch(() => {});
}

/**
 * Lag for the metrics: blocks between the head and the last applied block, and seconds the indexer
 * has been behind (since it was last caught up; 0 while it is), which is what an alert wants to know.
 */
let behindSince: number | null = null;
function recordProgress(result: TickResult) {
  if (result.kind === "reorg") return;
  const applied = result.kind === "applied" ? result.to : null;
  if (applied !== null) metrics.indexerLastBlock.set(Number(applied));
  const lagBlocks = result.kind === "applied" ? result.head - result.to : 0n;
  metrics.indexerLagBlocks.set(Number(lagBlocks));
  if (lagBlocks > 0n) behindSince ??= Date.now();
  else behindSince = null;
  metrics.indexerLagSeconds.set(behindSince === null ? 0 : (Date.now() - behindSince) / 1000);
}

export async function runIndexer(opts: RunOptions): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const pollMs = opts.pollMs ?? 1_000;
  const indexer = createIndexer(opts);
  let lock: IndexerLock | null = null;
  let backoff = 1_000;
  let lastExpirySweep = 0;
  let lastAgentSweep = 0;

  while (!opts.signal.aborted) {
    try {
      if (!lock || lock.lost) {
        lock = await tryIndexerLock(opts.databaseUrl, opts.chainId, opts.escrow);
        if (!lock) {
          log("another indexer holds the lock for this escrow; waiting");
          await pause(5_000, opts.signal);
          continue;
        }
        log(`indexing escrow ${opts.escrow} on chain ${opts.chainId} (${opts.confirmations} confirmation(s))`);
        metrics.indexerLeader.set(1);
        metrics.indexerLeaderSince.set(Date.now() / 1000);
      }
      const result = await indexer.tick();
      recordProgress(result);
      // Training jobs past their offer deadline (issue 6); the lock holder alone sweeps, every 15 s at most.
      if (Date.now() - lastExpirySweep >= EXPIRY_SWEEP_MS) {
        lastExpirySweep = Date.now();
        const expired = await expireJobs(new Date(), opts.db);
        if (expired > 0) log(`expired ${expired} job(s) past their offer deadline`);
        // Payment holds and rentals that ran out free their GPUs in search too (orders read them exactly anyway).
        const freed = await sweepLapsedReservations(opts.db);
        if (freed > 0) log(`refreshed the free GPUs of ${freed} machine(s) whose holds ended`);
      }
      // Machine agents (issue 17): silent machines go offline, uptimes move on, old samples go.
      if (Date.now() - lastAgentSweep >= agentSweepIntervalMs()) {
        lastAgentSweep = Date.now();
        const swept = await sweepAgents(new Date(), opts.db);
        if (swept.wentOffline > 0) log(`${swept.wentOffline} machine(s) went offline (no agent heartbeat)`);
      }
      backoff = 1_000;
      if (result.kind === "applied" && result.events > 0) log(`blocks ${result.from}-${result.to}: ${result.events} event(s)`);
      if (result.kind === "reorg") log(`reorg: rewound to block ${result.forkBlock}, ${result.removedEvents} event(s) removed`);
      if (result.kind === "idle") await pause(pollMs, opts.signal);
    } catch (error) {
      metrics.indexerFailedTicks.inc();
      if (!lock || lock.lost) metrics.indexerLeader.set(0);
      log(`tick failed, retrying in ${backoff / 1000} s: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      await pause(backoff, opts.signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
  await lock?.release();
}
