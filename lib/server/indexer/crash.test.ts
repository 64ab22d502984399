/**
 * Kill and restart the indexer at random points, over and over, and check that every payment on
 * chain is applied exactly once. In-process runs inject a crash at each point a kill could land
 * (after reading, inside the transaction, after the commit); a second test SIGKILLs the real
 * `npm run indexer` process at random moments.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { readEscrowLogs } from "@/lib/server/indexer/escrow-logs";
import type { CrashPoint } from "@/lib/server/indexer/indexer";
import { chainClient, escrow, escrowWrite, indexer, order, pay, rental, type Rental } from "@/test/payments";

class Crash extends Error {}

/** Deterministic PRNG so a failing run can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("indexer: kill and restart", () => {
  let startBlock: bigint;
  let r: Rental;
  let expected: Record<string, string>;
  let onChainEvents: number;

  beforeAll(async () => {
    startBlock = (await chainClient.getBlockNumber()) + 1n;
    r = await rental();
    const [paid, funded, underpaid, refunded] = await Promise.all([order(r), order(r), order(r), order(r)]);
    await pay(r.buyerWallet, paid);
    await pay(r.buyerWallet, funded);
    await pay(r.buyerWallet, underpaid, { amount: 1n });
    await pay(r.buyerWallet, refunded);
    await escrowWrite(r.providerWallet, "markStarted", paid.escrowId);
    await escrowWrite(r.providerWallet, "markCompleted", paid.escrowId);
    await escrowWrite(r.buyerWallet, "release", paid.escrowId);
    await escrowWrite(r.providerWallet, "refund", refunded.escrowId);
    expected = { [paid.id]: "PAID", [funded.id]: "FUNDED", [underpaid.id]: "PENDING_PAYMENT", [refunded.id]: "REFUNDED" };
    const head = await chainClient.getBlockNumber();
    onChainEvents = (await readEscrowLogs(chainClient, escrow, startBlock, head)).length;
    expect(onChainEvents).toBe(8); // 4 opened, started, completed, released, refunded
  });

  /** Forget everything the indexer did for this range, as if it had never run. */
  async function resetIndexer() {
    await db.chainEvent.deleteMany({ where: { blockNumber: { gte: startBlock } } });
    await db.indexedBlock.deleteMany({});
    await db.indexerCursor.deleteMany({});
    await db.order.updateMany({ where: { id: { in: Object.keys(expected) } }, data: { status: "PENDING_PAYMENT", fundedAt: null, settledAt: null, outcomeRecorded: false } });
  }

  async function assertExactlyOnce(before: { completedRentals: number; failedRentals: number }) {
    const rows = await db.chainEvent.findMany({ where: { blockNumber: { gte: startBlock } }, select: { txHash: true, logIndex: true } });
    expect(rows).toHaveLength(onChainEvents);
    expect(new Set(rows.map((e) => `${e.txHash}:${e.logIndex}`)).size).toBe(onChainEvents);
    for (const [id, status] of Object.entries(expected)) {
      expect((await db.order.findUniqueOrThrow({ where: { id } })).status, id).toBe(status);
    }
    // The provider's counters move once per final order (one PAID, one REFUNDED): never twice.
    const after = await db.user.findUniqueOrThrow({ where: { id: r.provider.id } });
    expect(after.completedRentals - before.completedRentals).toBe(1);
    expect(after.failedRentals - before.failedRentals).toBe(1);
  }

  it("applies every payment exactly once across 60 runs with crashes injected at random points", async () => {
    const points: CrashPoint[] = ["after-read", "in-transaction", "after-commit"];
    const crashes: Record<CrashPoint, number> = { "after-read": 0, "in-transaction": 0, "after-commit": 0 };
    for (let run = 0; run < 60; run++) {
      await resetIndexer();
      const before = await db.user.findUniqueOrThrow({ where: { id: r.provider.id } });
      const random = rng(run + 1);
      let restarts = 0;
      for (;;) {
        // A fresh indexer each time, as a restarted process would be: nothing kept in memory.
        const ix = indexer({
          startBlock,
          batchBlocks: BigInt(1 + Math.floor(random() * 4)),
          crash: (point) => {
            if (random() < 0.25) {
              crashes[point]++;
              throw new Crash(point);
            }
          },
        });
        try {
          await ix.catchUp();
          break;
        } catch (error) {
          if (!(error instanceof Crash)) throw error;
          expect(++restarts, `run ${run}`).toBeLessThan(500);
        }
      }
      await assertExactlyOnce(before);
    }
    for (const point of points) expect(crashes[point], point).toBeGreaterThan(10);
  }, 300_000);

  it("survives SIGKILL of the real indexer process at random moments", async () => {
    await resetIndexer();
    const before = await db.user.findUniqueOrThrow({ where: { id: r.provider.id } });
    const random = rng(4242);
    const root = path.resolve(import.meta.dirname, "../../..");
    const start = () =>
      spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "scripts/indexer.ts")], {
        cwd: root,
        env: { ...process.env, INDEXER_START_BLOCK: String(startBlock), NODE_ENV: "test" },
        stdio: "ignore",
      });
    const exited = (child: ReturnType<typeof start>) => new Promise<void>((resolve) => child.once("exit", () => resolve()));
    for (let kill = 0; kill < 4; kill++) {
      const child = start();
      const gone = exited(child);
      await sleep(1_500 + Math.floor(random() * 2_500));
      child.kill("SIGKILL");
      await gone;
    }
    const child = start();
    const gone = exited(child);
    const head = await chainClient.getBlockNumber();
    for (let i = 0; i < 300; i++) {
      const cursor = await db.indexerCursor.findFirst({ where: { contract: escrow } });
      if (cursor && cursor.lastBlock >= head) break;
      await sleep(100);
    }
    child.kill("SIGTERM");
    await gone;
    await assertExactlyOnce(before);
  }, 120_000);
});
