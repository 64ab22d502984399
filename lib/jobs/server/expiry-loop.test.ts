/** The indexer loop sweeps expired jobs: nothing but a running indexer is needed for a job to reach EXPIRED. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { runIndexer } from "@/lib/indexer/server/run";
import { openJob } from "@/test/jobs";
import { chainClient, escrow } from "@/test/payments";

describe("the indexer loop", () => {
  it("expires a job past its offer deadline", async () => {
    const { job } = await openJob();
    await db.job.update({ where: { id: job.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });
    const controller = new AbortController();
    const logs: string[] = [];
    const running = runIndexer({
      db,
      client: chainClient,
      databaseUrl: process.env.DATABASE_URL as string,
      chainId: 31337,
      escrow,
      confirmations: 1,
      startBlock: 0n,
      pollMs: 50,
      signal: controller.signal,
      log: (m) => logs.push(m),
    });
    try {
      await expect
        .poll(async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 20_000, interval: 100 })
        .toBe("EXPIRED");
    } finally {
      controller.abort();
      await running;
    }
    expect(logs.some((l) => /expired \d+ job/.test(l))).toBe(true);
  });
});
