import "server-only";
/**
 * A provider's earnings per UTC day or month: every payment the escrow credited the provider, on the
 * day of its block, with the amount the event itself reports (`providerAmount`, after the fee the
 * escrow snapshotted at opening): releases, arbiter resolutions and dispute timeouts (only the
 * provider's share), a rental's claims while it runs and its settlement by the meter. So the dashboard
 * never recomputes the fee, counts a rental's money when it was really paid, and never disagrees with
 * the contract. Only events of funded orders count (an opening on other terms never funds the order).
 * Sums are numeric in SQL, bigint here.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { fillBuckets, PERIOD_COUNT, periods, type AmountBucket, type Granularity } from "../periods";

/** The events in which the escrow credits the provider. */
const payingEvents = Prisma.sql`('EscrowReleased', 'DisputeResolved', 'DisputeTimedOut', 'RentalClaimed', 'RentalEnded')`;

export async function providerEarnings(providerId: string, granularity: Granularity, now = new Date()): Promise<AmountBucket[]> {
  const axis = periods(granularity, PERIOD_COUNT[granularity], now);
  const format = granularity === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const unit = granularity === "day" ? Prisma.sql`'day'` : Prisma.sql`'month'`;
  const rows = await db.$queryRaw<{ key: string; amount: string; orders: bigint }[]>(Prisma.sql`
    SELECT to_char(date_trunc(${unit}, e."blockTime"), ${format}) AS key,
           SUM((e.args->>'providerAmount')::numeric)::text AS amount,
           COUNT(DISTINCT o.id) AS orders
    FROM "Order" o
    JOIN "ChainEvent" e ON e."orderId" = o.id AND e.applied AND e."eventName" IN ${payingEvents}
    WHERE o."providerId" = ${providerId}
      AND o."fundedAt" IS NOT NULL
      AND (e.args->>'providerAmount')::numeric > 0
      AND e."blockTime" >= ${axis[0]!.start.toISOString().slice(0, 23)}::timestamp(3)
    GROUP BY 1`);
  return fillBuckets(axis, rows);
}

/** Everything the provider has been paid, all time, in base units: the orders' folded `providerPaid`. */
export async function providerEarningsTotal(providerId: string): Promise<bigint> {
  const [row] = await db.$queryRaw<{ amount: string | null }[]>(Prisma.sql`
    SELECT SUM(o."providerPaid")::text AS amount FROM "Order" o WHERE o."providerId" = ${providerId} AND o."fundedAt" IS NOT NULL`);
  return BigInt(row?.amount ?? "0");
}
