import "server-only";
/**
 * A provider's earnings per UTC day or month. An order counts once it reached PAID or RESOLVED, on
 * the day it settled, with what the escrow itself credited the provider in the settling event
 * (EscrowReleased / DisputeResolved `providerAmount`): that is the amount after the fee the escrow
 * snapshotted at opening (and, for a resolution, only the provider's share), so the dashboard never
 * recomputes the fee and never disagrees with the contract. Sums are numeric in SQL, bigint here.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { fillBuckets, PERIOD_COUNT, periods, type AmountBucket, type Granularity } from "../periods";

export async function providerEarnings(providerId: string, granularity: Granularity, now = new Date()): Promise<AmountBucket[]> {
  const axis = periods(granularity, PERIOD_COUNT[granularity], now);
  const format = granularity === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const unit = granularity === "day" ? Prisma.sql`'day'` : Prisma.sql`'month'`;
  const rows = await db.$queryRaw<{ key: string; amount: string; orders: bigint }[]>(Prisma.sql`
    SELECT to_char(date_trunc(${unit}, o."settledAt"), ${format}) AS key,
           SUM((e.args->>'providerAmount')::numeric)::text AS amount,
           COUNT(*) AS orders
    FROM "Order" o
    JOIN "ChainEvent" e ON e."orderId" = o.id AND e.applied AND e."eventName" IN ('EscrowReleased', 'DisputeResolved')
    WHERE o."providerId" = ${providerId}
      AND o.status IN ('PAID', 'RESOLVED')
      AND o."settledAt" >= ${axis[0]!.start.toISOString().slice(0, 23)}::timestamp(3)
    GROUP BY 1`);
  return fillBuckets(axis, rows);
}

/** Everything the provider has earned, all time, in base units. */
export async function providerEarningsTotal(providerId: string): Promise<bigint> {
  const [row] = await db.$queryRaw<{ amount: string | null }[]>(Prisma.sql`
    SELECT SUM((e.args->>'providerAmount')::numeric)::text AS amount
    FROM "Order" o
    JOIN "ChainEvent" e ON e."orderId" = o.id AND e.applied AND e."eventName" IN ('EscrowReleased', 'DisputeResolved')
    WHERE o."providerId" = ${providerId} AND o.status IN ('PAID', 'RESOLVED')`);
  return BigInt(row?.amount ?? "0");
}
