import "server-only";
/**
 * Utilization per machine over a window (the last 30 days by default): booked hours over available
 * hours, as a whole-number per mille so no float carries the ratio.
 *
 * Booked: orders that were paid into escrow and not refunded or cancelled (FUNDED, ACTIVE, COMPLETED,
 * PAID, ENDED), clipped to the window. A metered rental that started counts from its indexed start to
 * where it ended (its meter's end, a stop); anything else is taken to run for its `hours` from
 * `fundedAt` (the provider starts soon after funding).
 *
 * Available: the hours the listing was LIVE, from its status history (ListingStatusChange: every
 * status it entered, with when). Listings written without a history (bulk-seeded benchmark data,
 * some test fixtures) fall back to an estimate: LIVE from approval (`reviewedAt`, else `createdAt`)
 * until now when LIVE now, or until the last change (`updatedAt`) when PAUSED, SUSPENDED or
 * ARCHIVED now. Booked time can exceed available time (e.g. paused mid-rental); the ratio is capped
 * at 100 %.
 */
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";

const HOUR_MS = 3_600_000;
export const UTILIZATION_WINDOW_DAYS = 30;
const bookedStatuses = ["FUNDED", "ACTIVE", "COMPLETED", "PAID", "ENDED"] as const;
const wasLive: ListingStatus[] = ["LIVE", "PAUSED", "SUSPENDED", "ARCHIVED"];

export interface Interval {
  start: number;
  end: number;
}

/** Milliseconds of `a` inside `b`. */
export function overlapMs(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The spans a status history spends LIVE (changes oldest first), the last one open until `now`. */
export function liveIntervals(changes: readonly { status: ListingStatus; at: Date }[], now: Date): Interval[] {
  const out: Interval[] = [];
  changes.forEach((change, i) => {
    if (change.status !== "LIVE") return;
    const end = (changes[i + 1]?.at ?? now).getTime();
    if (end > change.at.getTime()) out.push({ start: change.at.getTime(), end });
  });
  return out;
}

/** For a listing without a status history: when it was (approximately) LIVE; null when it never was. */
export function liveInterval(
  listing: { status: ListingStatus; reviewedAt: Date | null; createdAt: Date; updatedAt: Date },
  now: Date,
): Interval | null {
  if (!wasLive.includes(listing.status)) return null;
  const start = (listing.reviewedAt ?? listing.createdAt).getTime();
  const end = listing.status === "LIVE" ? now.getTime() : listing.updatedAt.getTime();
  return end > start ? { start, end } : null;
}

/** booked / available in per mille (0..1000), 0 when nothing was available. */
export function perMille(bookedMs: number, availableMs: number): number {
  if (availableMs <= 0) return 0;
  return Math.min(1000, Math.floor((bookedMs * 1000) / availableMs));
}

export interface MachineUtilization {
  machineId: string;
  gpuModel: string;
  gpuCount: number;
  city: string;
  status: ListingStatus;
  /** Whole hours, rounded down, for display; the ratio uses the exact milliseconds. */
  bookedHours: number;
  availableHours: number;
  perMille: number;
}

export async function machineUtilization(
  providerId: string,
  now = new Date(),
  days = UTILIZATION_WINDOW_DAYS,
): Promise<MachineUtilization[]> {
  const window: Interval = { start: now.getTime() - days * 24 * HOUR_MS, end: now.getTime() };
  const machines = await db.machine.findMany({
    where: { providerId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      gpuModel: true,
      gpuCount: true,
      city: true,
      status: true,
      reviewedAt: true,
      createdAt: true,
      updatedAt: true,
      statusChanges: { orderBy: { at: "asc" }, select: { status: true, at: true } },
      orders: {
        // Funded before the window ended and possibly still running when it began (a listing allows at most 8760 h).
        where: { status: { in: [...bookedStatuses] }, fundedAt: { lt: now, gte: new Date(window.start - 8760 * HOUR_MS) } },
        select: { fundedAt: true, hours: true, ratePerSecond: true, startedAt: true, endsAt: true },
      },
    },
  });
  return machines.map((m) => {
    const estimate = liveInterval(m, now);
    const live = m.statusChanges.length > 0 ? liveIntervals(m.statusChanges, now) : estimate ? [estimate] : [];
    const availableMs = live.reduce((sum, span) => sum + overlapMs(span, window), 0);
    const bookedMs = m.orders.reduce((sum, o) => {
      if (o.ratePerSecond !== null && o.startedAt && o.endsAt)
        return sum + overlapMs({ start: o.startedAt.getTime(), end: o.endsAt.getTime() }, window);
      const start = o.fundedAt!.getTime();
      return sum + overlapMs({ start, end: start + o.hours * HOUR_MS }, window);
    }, 0);
    return {
      machineId: m.id,
      gpuModel: m.gpuModel,
      gpuCount: m.gpuCount,
      city: m.city,
      status: m.status,
      bookedHours: Math.floor(bookedMs / HOUR_MS),
      availableHours: Math.floor(availableMs / HOUR_MS),
      perMille: perMille(bookedMs, availableMs),
    };
  });
}
