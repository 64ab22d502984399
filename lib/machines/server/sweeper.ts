import "server-only";
/**
 * The agent sweep, run by the indexer loop (lib/indexer/server/run.ts) like the job expiry: machines
 * whose last heartbeat is older than the offline threshold are marked offline and their providers
 * told; every machine's 30-day uptime is brought up to date (an offline machine's share falls as time
 * passes without it); and old samples, intervals and pairing leftovers are deleted, so storage stays bounded.
 */
import { env } from "@/env";
import { db } from "@/lib/core/server/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { refreshUptimeSql } from "@/lib/machines/server/uptime-sql";
import { INTERVAL_RETENTION_MS } from "@/lib/machines/uptime";
import { notify } from "@/lib/notifications/server/notify";

/** How many machines one sweep marks offline at most; the next sweep takes the rest. */
const BATCH = 500;

/** How often the indexer loop sweeps: every 15 s, or faster when the threshold is shorter (tests use seconds). */
export function agentSweepIntervalMs(offlineAfterSeconds = env.AGENT_OFFLINE_AFTER_SECONDS): number {
  return Math.min(15_000, Math.max(500, (offlineAfterSeconds * 1000) / 4));
}

export interface SweepOptions {
  offlineAfterMs?: number;
  sampleRetentionDays?: number;
}

export interface SweepResult {
  wentOffline: number;
  uptimesUpdated: number;
  deleted: { samples: number; intervals: number };
}

export async function sweepAgents(now = new Date(), client: PrismaClient = db, opts: SweepOptions = {}): Promise<SweepResult> {
  const offlineAfterMs = opts.offlineAfterMs ?? env.AGENT_OFFLINE_AFTER_SECONDS * 1000;
  const retentionDays = opts.sampleRetentionDays ?? env.AGENT_SAMPLE_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - offlineAfterMs);

  const due = await client.machineAgent.findMany({
    where: { lastHeartbeatAt: { lt: cutoff }, offlineSince: null, machine: { onlineNow: true } },
    orderBy: { lastHeartbeatAt: "asc" },
    take: BATCH,
    select: { machineId: true },
  });
  let wentOffline = 0;
  for (const { machineId } of due) {
    wentOffline += await client.$transaction(async (tx) => {
      // Conditional on both: a heartbeat that arrived meanwhile keeps the machine online, and no notice goes out.
      const marked = await tx.machineAgent.updateMany({
        where: { machineId, lastHeartbeatAt: { lt: cutoff }, offlineSince: null },
        data: { offlineSince: now },
      });
      if (marked.count === 0) return 0;
      // Raw, so going offline does not read as the owner's last edit (updatedAt).
      const [machine] = await tx.$queryRaw<{ providerId: string; gpuCount: number; gpuModel: string; city: string }[]>`
        UPDATE "Machine" SET "onlineNow" = false WHERE id = ${machineId} RETURNING "providerId", "gpuCount", "gpuModel", city`;
      if (!machine) return 0;
      await notify(tx, {
        userId: machine.providerId,
        kind: "machine.offline",
        params: {
          machine: `${machine.gpuCount}× ${gpuLabel(machine.gpuModel)}`,
          city: machine.city,
          seconds: Math.round(offlineAfterMs / 1000),
        },
        href: `/provide/${machineId}/edit`,
      });
      return 1;
    });
  }

  const uptimesUpdated = await client.$executeRaw(refreshUptimeSql(now));
  const samples = await client.machineSample.deleteMany({
    where: { bucket: { lt: new Date(now.getTime() - retentionDays * 86_400_000) } },
  });
  const intervals = await client.machineUptime.deleteMany({
    where: { lastSeenAt: { lt: new Date(now.getTime() - INTERVAL_RETENTION_MS) } },
  });
  return { wentOffline, uptimesUpdated, deleted: { samples: samples.count, intervals: intervals.count } };
}
