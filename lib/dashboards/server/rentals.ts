import "server-only";
/**
 * Rentals that are not over yet, for either side, and the provider's per-machine order history.
 * Upcoming: paid into escrow, provider has not started (FUNDED). Active: running, or completed and
 * waiting for release or a dispute (ACTIVE, COMPLETED, DISPUTED).
 */
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { baseUnitsOf } from "@/lib/core/money";

const openStatuses: OrderStatus[] = ["FUNDED", "ACTIVE", "COMPLETED", "DISPUTED"];

const rentalSelect = {
  id: true,
  status: true,
  hours: true,
  gpuCount: true,
  amount: true,
  createdAt: true,
  fundedAt: true,
  startDeadline: true,
  listing: { select: { id: true, gpuModel: true, city: true } },
} as const;

export async function openRentals(userId: string, side: "buyer" | "provider") {
  const rows = await db.order.findMany({
    where: { [side === "buyer" ? "buyerId" : "providerId"]: userId, status: { in: openStatuses } },
    orderBy: { fundedAt: "desc" },
    take: 50,
    select: rentalSelect,
  });
  return rows.map((r) => ({ ...r, amount: baseUnitsOf(r.amount), upcoming: r.status === "FUNDED" }));
}
export type OpenRental = Awaited<ReturnType<typeof openRentals>>[number];

/** Each of the provider's machines with its order count and its latest orders (newest first). */
export async function machineHistory(providerId: string, perMachine = 10) {
  const machines = await db.machine.findMany({
    where: { providerId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      gpuModel: true,
      gpuCount: true,
      city: true,
      status: true,
      _count: { select: { orders: true } },
      orders: {
        orderBy: { createdAt: "desc" },
        take: perMachine,
        select: { id: true, status: true, hours: true, amount: true, createdAt: true },
      },
    },
  });
  return machines.map((m) => ({
    ...m,
    orderCount: m._count.orders,
    orders: m.orders.map((o) => ({ ...o, amount: baseUnitsOf(o.amount) })),
  }));
}
export type MachineHistoryEntry = Awaited<ReturnType<typeof machineHistory>>[number];
