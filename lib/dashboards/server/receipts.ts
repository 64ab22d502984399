import "server-only";
/**
 * A buyer's receipts: every order they made (newest first) with what the escrow actually paid out
 * (to the provider after fees, the fee, back to the buyer: the indexer's fold of the events) and the
 * transactions that moved its money, taken from the escrow events the indexer applied: opened
 * (EscrowOpened), settled (EscrowReleased, DisputeResolved, DisputeTimedOut, or a rental's RentalEnded)
 * and refunded (EscrowRefunded). Only the caller's own orders: the buyer id is the where clause, never
 * a parameter the client chooses.
 */
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { baseUnitsOf } from "@/lib/core/money";

export interface Receipt {
  orderId: string;
  listing: string;
  listingId: string;
  hours: number;
  gpuCount: number;
  amount: bigint;
  status: OrderStatus;
  providerPaid: bigint;
  feePaid: bigint;
  buyerRefunded: bigint;
  createdAt: Date;
  fundedAt: Date | null;
  settledAt: Date | null;
  openedTx: string | null;
  releasedTx: string | null;
  refundedTx: string | null;
}

const txKinds: Record<string, "openedTx" | "releasedTx" | "refundedTx"> = {
  EscrowOpened: "openedTx",
  EscrowReleased: "releasedTx",
  DisputeResolved: "releasedTx",
  DisputeTimedOut: "releasedTx",
  RentalEnded: "releasedTx",
  EscrowRefunded: "refundedTx",
};

export async function buyerReceipts(buyerId: string, take = 1000): Promise<Receipt[]> {
  const orders = await db.order.findMany({
    where: { buyerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      hours: true,
      gpuCount: true,
      amount: true,
      status: true,
      providerPaid: true,
      feePaid: true,
      buyerRefunded: true,
      createdAt: true,
      fundedAt: true,
      settledAt: true,
      listing: { select: { id: true, gpuModel: true, city: true, country: true } },
      chainEvents: {
        where: { applied: true, eventName: { in: Object.keys(txKinds) } },
        orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
        select: { eventName: true, txHash: true },
      },
    },
  });
  return orders.map((o) => {
    const receipt: Receipt = {
      orderId: o.id,
      listing: `${o.gpuCount}× ${o.listing.gpuModel}, ${o.listing.city} (${o.listing.country})`,
      listingId: o.listing.id,
      hours: o.hours,
      gpuCount: o.gpuCount,
      amount: baseUnitsOf(o.amount),
      status: o.status,
      providerPaid: baseUnitsOf(o.providerPaid),
      feePaid: baseUnitsOf(o.feePaid),
      buyerRefunded: baseUnitsOf(o.buyerRefunded),
      createdAt: o.createdAt,
      fundedAt: o.fundedAt,
      settledAt: o.settledAt,
      openedTx: null,
      releasedTx: null,
      refundedTx: null,
    };
    for (const e of o.chainEvents) receipt[txKinds[e.eventName]!] ??= e.txHash;
    return receipt;
  });
}
