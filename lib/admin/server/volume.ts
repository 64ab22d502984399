import "server-only";
/**
 * Settled volume and platform fees per UTC day. Volume is the escrowed amount of each PAID or RESOLVED
 * order on the day it settled; the fee is what the escrow itself reported in the settling event
 * (EscrowReleased / DisputeResolved `fee`), which already used the fee bps snapshotted at opening, so
 * a later fee change never rewrites history. All sums are bigint base units.
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

const settlingEvents = ["EscrowReleased", "DisputeResolved"];

function feeOf(args: unknown): bigint {
  const fee = (args as { fee?: unknown } | null)?.fee;
  return typeof fee === "string" && /^\d+$/.test(fee) ? BigInt(fee) : 0n;
}

/** The last `days` days up to and including today (UTC), each day present even when empty, oldest first. */
export async function dailyVolume(days = 30, now = new Date()): Promise<VolumeDay[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * 86_400_000);
  const orders = await db.order.findMany({
    where: { status: { in: ["PAID", "RESOLVED"] }, settledAt: { gte: from } },
    select: {
      amount: true,
      settledAt: true,
      chainEvents: { where: { applied: true, eventName: { in: settlingEvents } }, select: { args: true }, take: 1 },
    },
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
    bucket.fees += feeOf(o.chainEvents[0]?.args);
    bucket.orders += 1;
  }
  return [...buckets.values()];
}
