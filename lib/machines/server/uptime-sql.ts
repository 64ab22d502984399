import "server-only";
/**
 * The 30-day uptime kept on each listing (Machine.uptime30dBp, basis points), recomputed from the
 * merged intervals by one statement: for one machine on its heartbeat, for all of them in the sweep.
 * Online time is the overlap of each interval with the window; the window starts 30 days back or when
 * the machine was first seen, whichever is later, so a machine paired yesterday is not 3 % "up".
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { at } from "@/lib/machines/server/time-sql";
import { UPTIME_WINDOW_MS } from "@/lib/machines/uptime";

export function refreshUptimeSql(now: Date, opts: { machineId?: string; online?: boolean } = {}): Prisma.Sql {
  const from = at(new Date(now.getTime() - UPTIME_WINDOW_MS));
  const nowSql = at(now);
  const one = opts.machineId ? Prisma.sql`AND a."machineId" = ${opts.machineId}` : Prisma.empty;
  const setOnline = opts.online ? Prisma.sql`, "onlineNow" = true` : Prisma.empty;
  const changed = opts.online ? Prisma.sql`OR NOT m."onlineNow"` : Prisma.empty;
  return Prisma.sql`
    WITH measured AS (
      SELECT a."machineId",
             EXTRACT(EPOCH FROM (${nowSql} - GREATEST(${from}, a."firstSeenAt"))) AS elapsed,
             COALESCE((SELECT SUM(EXTRACT(EPOCH FROM (LEAST(u."lastSeenAt", ${nowSql}) - GREATEST(u."startedAt", ${from}))))
                         FROM "MachineUptime" u
                        WHERE u."machineId" = a."machineId" AND u."lastSeenAt" > ${from} AND u."startedAt" <= ${nowSql}), 0) AS online
        FROM "MachineAgent" a
       WHERE a."firstSeenAt" IS NOT NULL ${one}
    ), shares AS (
      -- Seen for the first time just now: nothing to divide yet, and it is up.
      SELECT "machineId",
             CASE WHEN elapsed < 1 THEN 10000 ELSE LEAST(10000, GREATEST(0, ROUND(10000 * online / elapsed)))::int END AS bp
        FROM measured
    )
    UPDATE "Machine" m SET "uptime30dBp" = shares.bp ${setOnline}
      FROM shares
     WHERE m.id = shares."machineId" AND (m."uptime30dBp" IS DISTINCT FROM shares.bp ${changed})`;
}
