/**
 * Kill and restart the indexer at random points, over and over, and check that every payment on
 * chain is applied exactly once. In-process runs inject a crash at each point a kill could land
 * (after reading, inside the transaction, after the commit); a second test SIGKILLs the real
 * `npm run indexer` process at random moments.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { readEscrowLogs } from "@/lib/indexer/server/escrow-logs";
import type { CrashPoint } from "@/lib/indexer/server/indexer";
import { createTempDatabase, migrate, startPglite } from "@/scripts/lib/services";
import { freePort, Supervisor } from "@/scripts/lib/supervisor";
import { chainClient, escrow, escrowWrite, indexer, order, pay, rental, type Rental } from "@/test/payments";

class Crash extends Error {}

/** Pids of running `scripts/indexer.ts` processes whose DATABASE_URL is `url` (Linux /proc). */
function indexerPids(url: string): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        return (
          cmdline.includes("scripts/indexer.ts") && readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`DATABASE_URL=${url}`)
        );
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

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
    startBlock = (await chainClient.getBlockNumber({ cacheTime: 0 })) + 1n;
    r = await rental();
    // One after another: each finds the machine the one before took, and rents a twin.
    const [paid, funded, underpaid, refunded] = [await order(r), await order(r), await order(r), await order(r)];
    await pay(r.buyerWallet, paid);
    await pay(r.buyerWallet, funded);
    await pay(r.buyerWallet, underpaid, { amount: 1n });
    await pay(r.buyerWallet, refunded);
    await escrowWrite(r.providerWallet, "markStarted", paid.escrowId);
    await escrowWrite(r.buyerWallet, "release", paid.escrowId);
    await escrowWrite(r.providerWallet, "refund", refunded.escrowId);
    expected = { [paid.id]: "PAID", [funded.id]: "FUNDED", [underpaid.id]: "PENDING_PAYMENT", [refunded.id]: "REFUNDED" };
    const head = await chainClient.getBlockNumber({ cacheTime: 0 });
    onChainEvents = (await readEscrowLogs(chainClient, escrow, startBlock, head)).length;
    expect(onChainEvents).toBe(11); // 4 opened (each EscrowOpened + RentalOpened), started, released, refunded
  });

  /** Forget everything the indexer did for this range, as if it had never run. */
  async function resetIndexer() {
    await db.chainEvent.deleteMany({ where: { blockNumber: { gte: startBlock } } });
    await db.indexedBlock.deleteMany({});
    await db.indexerCursor.deleteMany({});
    await db.order.updateMany({
      where: { id: { in: Object.keys(expected) } },
      data: { status: "PENDING_PAYMENT", fundedAt: null, settledAt: null, outcomeRecorded: false, reliabilityOutcome: null },
    });
    // The counters are recomputed from the orders' outcomes, so they start from nothing too.
    await db.user.update({ where: { id: r.provider.id }, data: { completedRentals: 0, failedRentals: 0 } });
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
    // The killed processes get a database of their own. Embedded PGlite serves every connection from
    // one session, and a client killed mid-message leaves that session's protocol state to whoever
    // comes next; the other test files must not inherit that. On PostgreSQL this costs nothing.
    const main = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await main.connect();
    const embedded = /PGlite/.test((await main.query<{ v: string }>("SELECT version() AS v")).rows[0]?.v ?? "");
    const tmp = path.join(os.tmpdir(), `idlegrid-kill-${process.pid}`);
    const sup = new Supervisor(path.join(tmp, "pids.json"));
    const temp = embedded ? null : await createTempDatabase(process.env.DATABASE_URL as string, "idlegrid_kill");
    const childUrl = temp
      ? temp.url
      : await startPglite(sup, { dataDir: "memory://", port: await freePort(), logFile: path.join(tmp, "db.log") });
    const child = new pg.Client({ connectionString: childUrl });
    try {
      await migrate(childUrl);
      await child.connect();
      const ids = Object.keys(expected);
      const copy = async (table: string, where: string, values: unknown[]) => {
        const { rows } = await main.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table}" t WHERE ${where}`, values);
        // Generated columns (the marketplace's sort keys) are recomputed by the database, never inserted.
        const columns = await child.query<{ c: string }>(
          `SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER'`,
          [table],
        );
        const list = columns.rows.map(({ c }) => `"${c}"`).join(", ");
        for (const { j } of rows)
          await child.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_record(NULL::"${table}", $1::json)`, [j]);
      };
      await copy("User", "id = ANY($1)", [[r.provider.id, r.buyer.id]]);
      await copy("Machine", `id IN (SELECT "listingId" FROM "Order" WHERE id = ANY($1))`, [ids]);
      await copy("Order", "id = ANY($1)", [ids]);
      // As if the indexer had never run for them.
      await child.query(
        `UPDATE "Order" SET status = 'PENDING_PAYMENT', "fundedAt" = NULL, "settledAt" = NULL, "outcomeRecorded" = false, "reliabilityOutcome" = NULL`,
      );
      await child.query(`UPDATE "User" SET "completedRentals" = 0, "failedRentals" = 0`);

      const random = rng(4242);
      const root = path.resolve(import.meta.dirname, "../../..");
      // One process: node with tsx's loader. Through the tsx CLI, SIGKILL would hit only the CLI, and
      // the indexer it runs as a child would live on as an orphan, still indexing: no kill at all.
      const start = () =>
        spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(root, "scripts/indexer.ts")], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: childUrl, INDEXER_START_BLOCK: String(startBlock), NODE_ENV: "test" },
          stdio: "ignore",
        });
      const exited = (proc: ReturnType<typeof start>) => new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      for (let kill = 0; kill < 4; kill++) {
        const proc = start();
        const gone = exited(proc);
        await sleep(1_500 + Math.floor(random() * 2_500));
        proc.kill("SIGKILL");
        await gone;
        // Killed means gone: no indexer process of this database is left running.
        expect(indexerPids(childUrl)).toEqual([]);
      }
      const proc = start();
      const gone = exited(proc);
      const head = await chainClient.getBlockNumber({ cacheTime: 0 });
      for (let i = 0; i < 300; i++) {
        const { rows } = await child.query<{ last: string }>(`SELECT "lastBlock"::text AS last FROM "IndexerCursor" WHERE contract = $1`, [
          escrow,
        ]);
        if (rows[0] && BigInt(rows[0].last) >= head) break;
        await sleep(100);
      }
      proc.kill("SIGTERM");
      await gone;

      const events = await child.query<{ k: string }>(
        `SELECT "txHash" || ':' || "logIndex" AS k FROM "ChainEvent" WHERE "blockNumber" >= $1`,
        [String(startBlock)],
      );
      expect(events.rows).toHaveLength(onChainEvents);
      for (const [id, status] of Object.entries(expected)) {
        const { rows } = await child.query<{ status: string }>(`SELECT status::text FROM "Order" WHERE id = $1`, [id]);
        expect(rows[0]?.status, id).toBe(status);
      }
      const { rows } = await child.query<{ c: number; f: number }>(
        `SELECT "completedRentals" AS c, "failedRentals" AS f FROM "User" WHERE id = $1`,
        [r.provider.id],
      );
      expect(rows[0]).toEqual({ c: 1, f: 1 });
    } finally {
      await child.end().catch(() => {});
      await main.end();
      await sup.stopAll();
      await temp?.drop();
    }
  }, 180_000);
});
