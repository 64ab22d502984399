import "server-only";
/**
 * Settled volume and platform fees per UTC day. Volume is the escrowed amount of each PAID, RESOLVED or
 * ENDED (a rental settled by its meter) order on the day it settled; the fee is what the escrow itself
 * reported in its events (settlement and a rental's claims), as the indexer folded it into
 * Order.feePaid: it already used the fee bps snapshotted at opening, so a later fee change never
 * rewrites history. All sums are bigint base units.
 */
import { db } from "@/lib/core/server/db";
import { baseUnitsOf } from "@/lib/core/money";

export interface VolumeDay {
  /** YYYY-MM-DD, UTC */
  day: string;
  volume: bigint;
  fees: bigint;
  orders: number;
}

/** The last `days` days up to and including today (UTC), each day present even when empty, oldest first. */
export async function dailyVolume(days = 30, now = new Date()): Promise<VolumeDay[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * 86_400_000);
  const orders = await db.order.findMany({
    where: { status: { in: ["PAID", "RESOLVED", "ENDED"] }, settledAt: { gte: from } },
    select: { amount: true, settledAt: true, feePaid: true },
  });
  const buckets = new Map<string, VolumeDay>();
  for (let i = 0; i < days; i++) {
    const day = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    buckets.set(day, { day, volume: 0n, fees: 0n, orders: 0 });
  }
  for (const o of orders) {
    const bucket = o.settledAt && buckets.get(o.settledAt.toISOString().slice(0, 10));
    if (!bucket) continue;
    bucket.volume += baseUnitsOf(o.amount);
    bucket.fees += baseUnitsOf(o.feePaid);
    bucket.orders += 1;
  }
  return [...buckets.values()];
}
