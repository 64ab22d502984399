/**
 * Heartbeats stored compactly: merged online intervals (a heartbeat within the offline threshold
 * extends the latest interval, a later one opens a new interval), one sample row per 5 minutes, and
 * the listing's "online now" and 30-day uptime kept in step. Times are injected, nothing waits.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { recordHeartbeat } from "@/lib/machines/server/heartbeat";
import { heartbeatFor, pairedMachine } from "@/test/agent";

const THRESHOLD = 120_000;
const s = (seconds: number, from: Date) => new Date(from.getTime() + seconds * 1000);

describe("recordHeartbeat", () => {
  it("extends the open interval within the threshold and opens a new one after a gap", async () => {
    // A 5-minute boundary, so the sample buckets below are predictable.
    const t0 = new Date(Math.ceil(Date.now() / 300_000) * 300_000 - 3_600_000);
    const { machine, hw } = await pairedMachine({ now: s(-5, t0) });
    for (const t of [0, 30, 60, 90]) await recordHeartbeat(machine.id, heartbeatFor(hw, s(t, t0), 40 + t / 3), s(t, t0), THRESHOLD);
    let intervals = await db.machineUptime.findMany({ where: { machineId: machine.id }, orderBy: { startedAt: "asc" } });
    expect(intervals.map((i) => [i.startedAt, i.lastSeenAt])).toEqual([[t0, s(90, t0)]]);

    // 121 s of silence is past the threshold: the next heartbeat opens a second interval.
    const outcome = await recordHeartbeat(machine.id, heartbeatFor(hw, s(211, t0)), s(211, t0), THRESHOLD);
    expect(outcome.newInterval).toBe(true);
    await recordHeartbeat(machine.id, heartbeatFor(hw, s(241, t0)), s(241, t0), THRESHOLD);
    intervals = await db.machineUptime.findMany({ where: { machineId: machine.id }, orderBy: { startedAt: "asc" } });
    expect(intervals.map((i) => [i.startedAt, i.lastSeenAt])).toEqual([
      [t0, s(90, t0)],
      [s(211, t0), s(241, t0)],
    ]);

    // Online 90 + 30 s of the 241 s since first seen: 49.8 %.
    const listing = await db.machine.findUniqueOrThrow({ where: { id: machine.id }, include: { agent: true } });
    expect(listing.onlineNow).toBe(true);
    expect(listing.uptime30dBp).toBe(Math.round((120 / 241) * 10_000));
    expect(listing.agent?.firstSeenAt).toEqual(t0);
    expect(listing.agent?.lastHeartbeatAt).toEqual(s(241, t0));

    // Six heartbeats in one 5-minute bucket make one row, averaged and peaked.
    const samples = await db.machineSample.findMany({ where: { machineId: machine.id } });
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({ bucket: t0, heartbeats: 6, utilCount: 6, utilMax: 70, memUsedMaxMiB: 1000, tempMaxC: 60 });
    expect(samples[0]!.utilSum / samples[0]!.utilCount).toBeCloseTo((40 + 50 + 60 + 70 + 50 + 50) / 6, 5);
    await recordHeartbeat(machine.id, heartbeatFor(hw, s(301, t0)), s(301, t0), THRESHOLD);
    expect(await db.machineSample.count({ where: { machineId: machine.id } })).toBe(2);
  });

  it("counts a machine just seen for the first time as up, and flags heartbeats that make no sense", async () => {
    const now = new Date();
    const { machine, hw } = await pairedMachine({ now });
    const stray = { ...heartbeatFor(hw, new Date(now.getTime() - 3_600_000), 10), gpuError: "NVML: Driver/library version mismatch" };
    stray.gpus.push({ uuid: "GPU-00000000-0000-0000-0000-000000000000", utilizationPct: 1, memoryUsedMiB: 1, temperatureC: 30 });
    const outcome = await recordHeartbeat(machine.id, stray, now, THRESHOLD);
    expect(outcome.flags.sort()).toEqual(["clock_skew", "gpu_error", "unreported_gpu"]);
    const listing = await db.machine.findUniqueOrThrow({ where: { id: machine.id }, include: { agent: true } });
    expect(listing.uptime30dBp).toBe(10_000);
    expect(listing.agent?.flags.sort()).toEqual(["clock_skew", "gpu_error", "unreported_gpu"]);
    expect(listing.agent?.flaggedAt).toEqual(now);
  });
});
