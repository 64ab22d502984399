import "server-only";
/**
 * A buyer's spend per UTC day or month: what left the buyer for good, on the day the order settled:
 * everything it escrowed (extensions included) less what the escrow sent back, as the indexer folded
 * it from the events (Order.buyerRefunded: a rental stopped early, a dispute's buyer share, a refund).
 * Refunded orders therefore cost nothing; cancelled and still-open ones cost nothing yet.
 * Numeric in SQL, bigint here.
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
           SUM(o.amount - o."buyerRefunded")::text AS amount,
           COUNT(*) AS orders
    FROM "Order" o
    WHERE o."buyerId" = ${buyerId}
      AND o.status IN ('PAID', 'RESOLVED', 'ENDED')
      AND o."settledAt" >= ${axis[0]!.start.toISOString().slice(0, 23)}::timestamp(3)
    GROUP BY 1`);
  return fillBuckets(axis, rows);
}
