import "server-only";
/**
 * A buyer's spend per UTC day or month: what left the buyer for good, on the day the order settled.
 * A PAID order cost its whole escrowed amount; a RESOLVED one cost the amount less what the arbiter
 * sent back (DisputeResolved `buyerAmount`); refunded, cancelled and still-open orders cost nothing
 * yet. Numeric in SQL, bigint here.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { fillBuckets, PERIOD_COUNT, periods, type AmountBucket, type Granularity } from "../periods";

export async function buyerSpend(buyerId: string, granularity: Granularity, now = new Date()): Promise<AmountBucket[]> {
  const axis = periods(granularity, PERIOD_COUNT[granularity], now);
  const format = granularity === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const unit = granularity === "day" ? Prisma.sql`'day'` : Prisma.sql`'month'`;
  const rows = await db.$queryRaw<{ key: string; amount: string; orders: bigint }[]>(Prisma.sql`
    SELECT to_char(date_trunc(${unit}, o."settledAt"), ${format}) AS key,
           SUM(o.amount - CASE WHEN o.status = 'RESOLVED'
                               THEN COALESCE((SELECT (e.args->>'buyerAmount')::numeric FROM "ChainEvent" e
                                              WHERE e."orderId" = o.id AND e.applied AND e."eventName" = 'DisputeResolved'
                                              LIMIT 1), 0)
                               ELSE 0 END)::text AS amount,
           COUNT(*) AS orders
    FROM "Order" o
    WHERE o."buyerId" = ${buyerId}
      AND o.status IN ('PAID', 'RESOLVED')
      AND o."settledAt" >= ${axis[0]!.start.toISOString().slice(0, 23)}::timestamp(3)
    GROUP BY 1`);
  return fillBuckets(axis, rows);
}
