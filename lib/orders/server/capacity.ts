import "server-only";
/**
 * Capacity in the database. Every order that takes GPUs goes through `reserveGpus` inside its
 * transaction: it locks the machine row first, so two buyers racing for the last GPUs serialise on
 * that lock and exactly one finds them free. The machine's `gpusReserved`/`reservedUntil` copy is
 * refreshed in the same transactions (and by the sweep when holds lapse), so search can filter on
 * "available now" without reading orders.
 */
import { env } from "@/env";
import { ApiError } from "@/lib/core/server/api-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { availability, type Availability } from "@/lib/orders/capacity";

const holdingSelect = {
  status: true,
  gpuCount: true,
  hours: true,
  holdExpiresAt: true,
  startDeadline: true,
  endsAt: true,
  capacityLost: true,
} as const;
const holdingStatuses = ["PENDING_PAYMENT", "FUNDED", "ACTIVE"] as const;

export function paymentHoldEnds(now: Date): Date {
  return new Date(now.getTime() + env.ORDER_PAYMENT_HOLD_MINUTES * 60_000);
}

/** What is free on `machineId` now, read from its orders (exact, unlike the copy on the machine row). */
export async function machineAvailability(
  tx: Prisma.TransactionClient,
  machineId: string,
  now = new Date(),
  opts: { excludeOrderId?: string } = {},
): Promise<Availability & { gpuCount: number }> {
  const machine = await tx.machine.findUniqueOrThrow({ where: { id: machineId }, select: { gpuCount: true } });
  const orders = await tx.order.findMany({
    where: {
      listingId: machineId,
      status: { in: [...holdingStatuses] },
      ...(opts.excludeOrderId ? { id: { not: opts.excludeOrderId } } : {}),
    },
    select: holdingSelect,
  });
  return { gpuCount: machine.gpuCount, ...availability(machine.gpuCount, orders, now) };
}

/**
 * Locks the machine and checks that `gpus` are free now; throws 409 `capacity_taken` naming what is
 * free and when the machine frees up. Call it in the transaction that then writes the order.
 */
export async function reserveGpus(tx: Prisma.TransactionClient, machineId: string, gpus: number, now = new Date()): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Machine" WHERE "id" = ${machineId} FOR UPDATE`;
  const free = await machineAvailability(tx, machineId, now);
  if (free.gpusFree < gpus) {
    const when = free.freesAt ? ` It frees up by ${free.freesAt.toISOString()}.` : "";
    throw new ApiError(409, "capacity_taken", `Only ${free.gpusFree} of this machine's ${free.gpuCount} GPUs are free now.${when}`, {
      gpus: [`only ${free.gpusFree} free now`],
    });
  }
}

/** Recomputes the machine's reserved-GPU copy from its orders. */
export async function refreshReservedGpus(tx: Prisma.TransactionClient, machineId: string, now = new Date()): Promise<void> {
  const free = await machineAvailability(tx, machineId, now);
  await tx.machine.update({ where: { id: machineId }, data: { gpusReserved: free.gpuCount - free.gpusFree, reservedUntil: free.freesAt } });
}

/** Machines whose reserved copy has run out of date because a hold or a rental ended; the indexer loop calls this. */
export async function sweepLapsedReservations(db: Prisma.TransactionClient, now = new Date()): Promise<number> {
  const stale = await db.machine.findMany({ where: { reservedUntil: { lte: now } }, select: { id: true }, take: 500 });
  for (const m of stale) await refreshReservedGpus(db, m.id, now);
  return stale.length;
}
