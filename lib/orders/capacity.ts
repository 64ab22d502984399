/**
 * Capacity rules, pure so the order page, the API and the tests share them. A machine's GPUs are a
 * resource: an order takes k of its n GPUs from the moment it is made until the rental is over.
 *
 *   PENDING_PAYMENT  holds its GPUs until its payment hold lapses (ORDER_PAYMENT_HOLD_MINUTES)
 *   FUNDED, ACTIVE   hold them until the paid time runs out (endsAt once started; before a start, the
 *                    latest it could end: the start deadline plus the paid hours)
 *   anything else    holds nothing (settled, disputed and frozen, cancelled), and neither does an
 *                    order paid too late for GPUs that were taken meanwhile (capacityLost)
 */
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export interface HoldingOrder {
  status: OrderStatus;
  gpuCount: number;
  hours: number;
  holdExpiresAt: Date | null;
  startDeadline: Date;
  endsAt: Date | null;
  /** Paid after its hold lapsed, with the GPUs gone: it can never start, so it holds nothing. */
  capacityLost: boolean;
}

/** Until when `order` holds its GPUs, or null when it holds none at `now`. */
export function heldUntil(order: HoldingOrder, now: Date): Date | null {
  if (order.capacityLost) return null;
  if (order.status === "PENDING_PAYMENT") return order.holdExpiresAt && order.holdExpiresAt > now ? order.holdExpiresAt : null;
  if (order.status === "FUNDED" || order.status === "ACTIVE") {
    const end = order.endsAt ?? new Date(order.startDeadline.getTime() + order.hours * 3_600_000);
    return end > now ? end : null;
  }
  return null;
}

export interface Availability {
  /** GPUs free right now. */
  gpusFree: number;
  /** When the last current hold ends (the whole machine is free then at the latest); null when nothing is held. */
  freesAt: Date | null;
}

export function availability(gpuCount: number, orders: readonly HoldingOrder[], now: Date): Availability {
  let reserved = 0;
  let freesAt: Date | null = null;
  for (const o of orders) {
    const until = heldUntil(o, now);
    if (!until) continue;
    reserved += o.gpuCount;
    if (!freesAt || until > freesAt) freesAt = until;
  }
  return { gpusFree: Math.max(0, gpuCount - reserved), freesAt };
}

/**
 * How many GPUs a buyer may ask for: a listing that cannot be split rents only whole; one that can,
 * any count from 1 to all of them.
 */
export function gpuChoiceError(requested: number, gpuCount: number, splittable: boolean): string | null {
  if (!Number.isInteger(requested) || requested < 1) return "must be a whole number of GPUs, at least 1";
  if (requested > gpuCount) return `must be at most ${gpuCount}, the machine's GPU count`;
  if (!splittable && requested !== gpuCount) return `must be ${gpuCount}: this machine is rented whole`;
  return null;
}
