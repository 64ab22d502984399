/**
 * The agent sweep: a machine silent for longer than the threshold goes offline once, with one notice to
 * its provider; a machine still beating stays online; old samples and intervals are deleted; and the
 * indexer loop runs the sweep by itself.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { runIndexer } from "@/lib/indexer/server/run";
import { recordHeartbeat } from "@/lib/machines/server/heartbeat";
import { sweepAgents } from "@/lib/machines/server/sweeper";
import { heartbeatFor, pairedMachine } from "@/test/agent";
import { chainClient, escrow } from "@/test/payments";

const THRESHOLD = 120_000;
const ago = (ms: number, now: Date) => new Date(now.getTime() - ms);

describe("sweepAgents", () => {
  it("marks a machine offline after the threshold and tells its provider once", async () => {
    const now = new Date();
    const silent = await pairedMachine({ model: "L40S", count: 4, now: ago(600_000, now) });
    const beating = await pairedMachine({ now: ago(600_000, now) });
    await recordHeartbeat(silent.machine.id, heartbeatFor(silent.hw, ago(150_000, now)), ago(150_000, now), THRESHOLD);
    await recordHeartbeat(beating.machine.id, heartbeatFor(beating.hw, ago(20_000, now)), ago(20_000, now), THRESHOLD);

    const result = await sweepAgents(now, db, { offlineAfterMs: THRESHOLD });
    expect(result.wentOffline).toBeGreaterThanOrEqual(1);
    const [gone, up] = await Promise.all([
      db.machine.findUniqueOrThrow({ where: { id: silent.machine.id }, include: { agent: true } }),
      db.machine.findUniqueOrThrow({ where: { id: beating.machine.id }, include: { agent: true } }),
    ]);
    expect(gone.onlineNow).toBe(false);
    expect(gone.agent?.offlineSince).toEqual(now);
    expect(up.onlineNow).toBe(true);
    expect(up.agent?.offlineSince).toBeNull();
    // The going-offline is the listing's state, not the owner's edit.
    expect(gone.updatedAt).toEqual(silent.machine.updatedAt);

    const notices = await db.notification.findMany({ where: { userId: silent.provider.id, kind: "machine.offline" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      href: `/provide/${silent.machine.id}/edit`,
      params: { machine: "4× L40S", city: "Berlin", seconds: 120 },
    });
    expect(await db.notification.count({ where: { userId: beating.provider.id, kind: "machine.offline" } })).toBe(0);

    await sweepAgents(new Date(now.getTime() + 60_000), db, { offlineAfterMs: THRESHOLD });
    expect(await db.notification.count({ where: { userId: silent.provider.id, kind: "machine.offline" } })).toBe(1);

    // Back: the next heartbeat puts it online again and opens a new interval.
    const back = await recordHeartbeat(silent.machine.id, heartbeatFor(silent.hw, now), now, THRESHOLD);
    expect(back.newInterval).toBe(true);
    const again = await db.machine.findUniqueOrThrow({ where: { id: silent.machine.id }, include: { agent: true } });
    expect(again.onlineNow).toBe(true);
    expect(again.agent?.offlineSince).toBeNull();
  });

  it("keeps uptime falling while a machine stays away, and deletes what is past retention", async () => {
    const now = new Date();
    const { machine, hw } = await pairedMachine({ now: ago(3_600_000, now) });
    await recordHeartbeat(machine.id, heartbeatFor(hw, ago(3_600_000, now)), ago(3_600_000, now), THRESHOLD);
    await recordHeartbeat(machine.id, heartbeatFor(hw, ago(3_570_000, now)), ago(3_570_000, now), THRESHOLD);
    await db.machineSample.create({ data: { machineId: machine.id, bucket: ago(20 * 86_400_000, now), heartbeats: 1 } });
    await db.machineUptime.create({
      data: { machineId: machine.id, startedAt: ago(40 * 86_400_000, now), lastSeenAt: ago(39 * 86_400_000, now) },
    });

    const result = await sweepAgents(now, db, { offlineAfterMs: THRESHOLD, sampleRetentionDays: 14 });
    expect(result.deleted.samples).toBeGreaterThanOrEqual(1);
    expect(result.deleted.intervals).toBeGreaterThanOrEqual(1);
    expect(await db.machineSample.count({ where: { machineId: machine.id, bucket: { lt: ago(14 * 86_400_000, now) } } })).toBe(0);
    expect(await db.machineUptime.count({ where: { machineId: machine.id } })).toBe(1);
    // 30 s online in the hour since first seen.
    expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).uptime30dBp).toBe(Math.round((30 / 3600) * 10_000));
  });

  it("runs inside the indexer loop", async () => {
    const now = new Date();
    // Silent for ten minutes: past the default threshold of two.
    const { machine, hw, provider } = await pairedMachine({ now: ago(900_000, now) });
    await recordHeartbeat(machine.id, heartbeatFor(hw, ago(600_000, now)), ago(600_000, now));
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
        .poll(async () => (await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).onlineNow, { timeout: 20_000, interval: 100 })
        .toBe(false);
    } finally {
      controller.abort();
      await running;
    }
    expect(await db.notification.count({ where: { userId: provider.id, kind: "machine.offline" } })).toBe(1);
    expect(logs.some((l) => /machine\(s\) went offline/.test(l))).toBe(true);
  });
});
