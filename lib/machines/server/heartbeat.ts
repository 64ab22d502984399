import "server-only";
/**
 * A heartbeat, stored compactly: it extends the machine's latest online interval when it comes within
 * the offline threshold of it (else opens a new one), folds its numbers into the machine's 5-minute
 * sample row, and keeps the listing's "online now" and 30-day uptime current. No row per heartbeat.
 */
import type { HeartbeatRequest } from "@/agent/protocol";
import { env } from "@/env";
import { ApiError } from "@/lib/core/server/api-error";
import { db } from "@/lib/core/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { heartbeatFlags, heartbeatNumbers, type AgentFlag } from "@/lib/machines/hardware";
import { at } from "@/lib/machines/server/time-sql";
import { refreshUptimeSql } from "@/lib/machines/server/uptime-sql";
import { bucketStart } from "@/lib/machines/uptime";

export interface HeartbeatOutcome {
  /** True when this heartbeat opened a new online interval (first one, or back after an outage). */
  newInterval: boolean;
  flags: AgentFlag[];
}

export async function recordHeartbeat(
  machineId: string,
  hb: HeartbeatRequest,
  now = new Date(),
  offlineAfterMs = env.AGENT_OFFLINE_AFTER_SECONDS * 1000,
): Promise<HeartbeatOutcome> {
  const numbers = heartbeatNumbers(hb);
  return db.$transaction(async (tx) => {
    // One heartbeat of a machine at a time: two racing ones must not both open an interval.
    const [agent] = await tx.$queryRaw<{ gpuUuids: string[]; firstSeenAt: Date | null; flags: string[]; flaggedAt: Date | null }[]>`
      SELECT "gpuUuids", "firstSeenAt", flags, "flaggedAt" FROM "MachineAgent" WHERE "machineId" = ${machineId} FOR UPDATE`;
    if (!agent) throw new ApiError(409, "not_reported", "Send a hardware report (POST /api/v1/agent/report) before heartbeats.");

    const extended = await tx.$executeRaw(Prisma.sql`
      UPDATE "MachineUptime" SET "lastSeenAt" = ${at(now)}
       WHERE id = (SELECT id FROM "MachineUptime" WHERE "machineId" = ${machineId} ORDER BY "lastSeenAt" DESC LIMIT 1)
         AND "lastSeenAt" >= ${at(new Date(now.getTime() - offlineAfterMs))} AND "lastSeenAt" <= ${at(now)}`);
    if (extended === 0) await tx.machineUptime.create({ data: { machineId, startedAt: now, lastSeenAt: now } });

    const util = numbers.util;
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "MachineSample" ("machineId", bucket, heartbeats, "gpuErrors", "utilSum", "utilCount", "utilMax", "memUsedMaxMiB", "tempMaxC")
      VALUES (${machineId}, ${at(bucketStart(now))}, 1, ${hb.gpuError ? 1 : 0}, ${util ?? 0}, ${util === null ? 0 : 1}, ${util}, ${numbers.memUsedMiB}, ${numbers.tempMaxC})
      ON CONFLICT ("machineId", bucket) DO UPDATE SET
        heartbeats = "MachineSample".heartbeats + 1,
        "gpuErrors" = "MachineSample"."gpuErrors" + EXCLUDED."gpuErrors",
        "utilSum" = "MachineSample"."utilSum" + EXCLUDED."utilSum",
        "utilCount" = "MachineSample"."utilCount" + EXCLUDED."utilCount",
        "utilMax" = GREATEST("MachineSample"."utilMax", EXCLUDED."utilMax"),
        "memUsedMaxMiB" = GREATEST("MachineSample"."memUsedMaxMiB", EXCLUDED."memUsedMaxMiB"),
        "tempMaxC" = GREATEST("MachineSample"."tempMaxC", EXCLUDED."tempMaxC")`);

    const raised = heartbeatFlags(hb, agent.gpuUuids, now).filter((f) => !agent.flags.includes(f));
    await tx.machineAgent.update({
      where: { machineId },
      data: {
        lastHeartbeatAt: now,
        firstSeenAt: agent.firstSeenAt ?? now,
        offlineSince: null,
        ...(raised.length > 0 ? { flags: [...agent.flags, ...raised], flaggedAt: agent.flags.length > 0 ? agent.flaggedAt : now } : {}),
      },
    });
    await tx.$executeRaw(refreshUptimeSql(now, { machineId, online: true }));
    return { newInterval: extended === 0, flags: raised };
  });
}
