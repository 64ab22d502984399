import "server-only";
/**
 * Reading orders, with visibility in one place: the buyer, the provider and admins see an order;
 * anyone else gets "not found". Connection details only reach the buyer and admins, and only once the
 * indexer has read the start from the chain: a provider's say-so alone never hands them over.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import type { OrderView, TxRequest } from "@/lib/orders/order-dto";
import { paymentTransactions } from "@/lib/orders/server/transactions";
import { orderIdPattern } from "@/lib/orders/schema";
import { baseUnitsOf } from "@/lib/core/money";

const orderSelect = {
  id: true,
  listingId: true,
  buyerId: true,
  providerId: true,
  buyerAddress: true,
  providerAddress: true,
  hours: true,
  gpuCount: true,
  pricePerGpuHour: true,
  amount: true,
  ratePerSecond: true,
  extendedAmount: true,
  startedAt: true,
  endsAt: true,
  stoppedAt: true,
  disputedAt: true,
  claimed: true,
  providerPaid: true,
  feePaid: true,
  buyerRefunded: true,
  capacityLost: true,
  chainId: true,
  tokenAddress: true,
  escrowAddress: true,
  orderIdHex: true,
  escrowId: true,
  startDeadline: true,
  status: true,
  sshPublicKey: true,
  connectionHost: true,
  connectionPort: true,
  connectionUser: true,
  jupyterUrl: true,
  txHints: true,
  fundedAt: true,
  settledAt: true,
  createdAt: true,
  listing: { select: { gpuModel: true, maxHours: true } },
  /** Set when the order settles a training job: such orders have no SSH connection to hand over. */
  job: { select: { id: true } },
  chainEvents: {
    orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    select: { eventName: true, txHash: true, logIndex: true, blockNumber: true, applied: true, ignoredReason: true, args: true },
  },
} satisfies Prisma.OrderSelect;

export async function loadOrder(id: string) {
  if (!orderIdPattern.test(id)) return null;
  return db.order.findUnique({ where: { id }, select: orderSelect });
}
export type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

export type OrderRole = "buyer" | "provider" | "admin";

export function roleIn(order: Pick<LoadedOrder, "buyerId" | "providerId">, caller: Caller | null): OrderRole | null {
  if (!caller) return null;
  if (caller.userId === order.buyerId) return "buyer";
  if (caller.userId === order.providerId) return "provider";
  return caller.isAdmin ? "admin" : null;
}

export function orderView(order: LoadedOrder, role: OrderRole): OrderView {
  const amount = baseUnitsOf(order.amount);
  const seesConnection = (role === "buyer" || role === "admin") && order.startedAt !== null;
  const rate = order.ratePerSecond === null ? null : baseUnitsOf(order.ratePerSecond);
  const booked = amount - baseUnitsOf(order.extendedAmount);
  const transactions: TxRequest[] =
    role === "buyer" && order.status === "PENDING_PAYMENT" ? paymentTransactions({ ...order, amount: booked, ratePerSecond: rate }) : [];
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: order.id,
    status: order.status,
    viewerRole: role,
    listingId: order.listingId,
    /** The training job this order settles (issue 6), or null for a rental. */
    jobId: order.job?.id ?? null,
    gpuModel: order.listing.gpuModel,
    buyer: order.buyerAddress,
    provider: order.providerAddress,
    hours: order.hours,
    gpuCount: order.gpuCount,
    pricePerGpuHour: order.pricePerGpuHour.toFixed(0),
    amount: amount.toString(),
    kind: rate === null ? "fixed" : "rental",
    ratePerSecond: rate?.toString() ?? null,
    extendedAmount: order.extendedAmount.toFixed(0),
    startedAt: iso(order.startedAt),
    endsAt: order.startedAt ? iso(order.endsAt) : null,
    stoppedAt: iso(order.stoppedAt),
    disputedAt: iso(order.disputedAt),
    claimed: order.claimed.toFixed(0),
    providerPaid: order.providerPaid.toFixed(0),
    feePaid: order.feePaid.toFixed(0),
    buyerRefunded: order.buyerRefunded.toFixed(0),
    capacityLost: order.capacityLost,
    chainId: order.chainId,
    tokenAddress: order.tokenAddress,
    escrowAddress: order.escrowAddress,
    orderId: order.orderIdHex,
    escrowId: order.escrowId,
    startDeadline: order.startDeadline.toISOString(),
    sshPublicKey: order.sshPublicKey,
    connection:
      seesConnection && order.connectionHost
        ? { host: order.connectionHost, port: order.connectionPort, user: order.connectionUser, jupyterUrl: order.jupyterUrl }
        : null,
    /** Events the indexer read from the chain: the only proof of payment. */
    chainEvents: order.chainEvents.map((e) => ({
      eventName: e.eventName,
      txHash: e.txHash,
      logIndex: e.logIndex,
      blockNumber: e.blockNumber.toString(),
      applied: e.applied,
      ignoredReason: e.ignoredReason,
    })),
    /** Hashes a client reported sending; shown while the indexer catches up, never trusted. */
    txHints: order.txHints,
    transactions,
    createdAt: order.createdAt.toISOString(),
    fundedAt: order.fundedAt?.toISOString() ?? null,
    settledAt: order.settledAt?.toISOString() ?? null,
  };
}

/** Orders the caller bought or provided, newest first. */
export async function listOrdersFor(userId: string, take = 50) {
  return db.order.findMany({
    where: { OR: [{ buyerId: userId }, { providerId: userId }] },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, status: true, amount: true, hours: true, buyerId: true, createdAt: true, listing: { select: { gpuModel: true } } },
  });
}
