import "server-only";
/**
 * How an order's status follows from the escrow events seen for it. The status is always
 * recomputed from the stored events (never stepped one event at a time), so applying a range
 * twice changes nothing and deleting the events above a reorg's fork point rewinds the order.
 *
 * On-chain-confirmed (set only here, from events the indexer read): FUNDED (EscrowOpened that
 * matches the order exactly), ACTIVE (EscrowStarted), COMPLETED (EscrowCompleted, or a rental's
 * RentalMonitorStopped), DISPUTED (EscrowDisputed), PAID (EscrowReleased), REFUNDED (EscrowRefunded),
 * RESOLVED (DisputeResolved, or DisputeTimedOut: the default split), ENDED (RentalEnded: a rental
 * settled by its meter). Extensions, claims, the start and the actual split are folded the same way
 * (lib/orders/ledger.ts) and written beside the status.
 * Off-chain (set by lib/orders/server/transitions.ts, no money moves): PENDING_PAYMENT and
 * CANCELLED, and the connection details a provider supplies when starting.
 */
import type { OrderStatus, Prisma } from "@/lib/generated/prisma/client";
import { syncRentalOutcome } from "@/lib/listings/server/reliability";
import { foldLedger, rentalEnd } from "@/lib/orders/ledger";
import { outcomeOf } from "@/lib/orders/outcome";
import { machineAvailability, refreshReservedGpus } from "@/lib/orders/server/capacity";
import { emitWebhookEvent } from "@/lib/webhooks/server/outbox";
import type { WebhookEventType } from "@/lib/webhooks/schema";
import { baseUnitsOf } from "@/lib/core/money";

/** What an order must match for an EscrowOpened to fund it. */
export interface OrderTerms {
  chainId: number;
  escrowAddress: string;
  orderIdHex: string;
  buyerAddress: string;
  providerAddress: string;
  /** What was booked: the order's amount less any extension. */
  amount: bigint;
  /** The metered rate, or null for a fixed-price order (a training job). */
  ratePerSecond: bigint | null;
  startDeadline: Date;
  tokenAddress: string;
}

export interface OpenedLog {
  chainId: number;
  contract: string;
  orderId: string;
  buyer: string;
  provider: string;
  amount: bigint;
  /** From the RentalOpened the same transaction emitted; null when there was none (a fixed-price open). */
  ratePerSecond: bigint | null;
  /** Unix seconds, as EscrowOpened carries it. */
  startDeadline: bigint;
  /** The token the escrow holds (its immutable `token()`). */
  token: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Why an EscrowOpened does not fund this order, or null when it matches on every term. */
export function openedMismatch(order: OrderTerms, log: OpenedLog): string | null {
  if (log.chainId !== order.chainId) return `chain ${log.chainId}, order is on ${order.chainId}`;
  if (!same(log.contract, order.escrowAddress)) return `escrow ${log.contract}, order uses ${order.escrowAddress}`;
  if (!same(log.orderId, order.orderIdHex)) return "order id differs";
  if (!same(log.buyer, order.buyerAddress)) return `buyer ${log.buyer} is not the order's buyer`;
  if (!same(log.provider, order.providerAddress)) return `provider ${log.provider} is not the order's provider`;
  if (log.amount !== order.amount) return `amount ${log.amount}, order is for ${order.amount}`;
  if (!same(log.token, order.tokenAddress)) return `token ${log.token}, order is paid in ${order.tokenAddress}`;
  if (order.ratePerSecond === null && log.ratePerSecond !== null) return "opened as a metered rental, order is fixed-price";
  if (order.ratePerSecond !== null && log.ratePerSecond === null) return "opened fixed-price, order is a metered rental";
  if (log.ratePerSecond !== order.ratePerSecond) return `rate ${log.ratePerSecond} per second, order is for ${order.ratePerSecond}`;
  // A shorter deadline would let the buyer reclaim the money before the provider could start; a longer one locks the provider's GPUs.
  const deadline = BigInt(Math.floor(order.startDeadline.getTime() / 1000));
  if (log.startDeadline !== deadline) return `start deadline ${log.startDeadline}, order's is ${deadline}`;
  return null;
}

const statusAfter: Record<string, OrderStatus> = {
  EscrowStarted: "ACTIVE",
  EscrowCompleted: "COMPLETED",
  EscrowDisputed: "DISPUTED",
  EscrowReleased: "PAID",
  EscrowRefunded: "REFUNDED",
  DisputeResolved: "RESOLVED",
  RentalMonitorStopped: "COMPLETED",
  RentalEnded: "ENDED",
  DisputeTimedOut: "RESOLVED",
};

export const finalStatuses: readonly OrderStatus[] = ["PAID", "REFUNDED", "RESOLVED", "ENDED"];

export interface FoldableEvent {
  eventName: string;
  applied: boolean;
  /** The block's timestamp: an order is funded and settled when the chain says, not when the indexer read it. */
  blockTime: Date;
  args: Prisma.JsonValue;
}

/** The status an order has after `events` (in chain order), starting from its off-chain status. */
export function foldStatus(
  offChain: OrderStatus,
  events: readonly FoldableEvent[],
): { status: OrderStatus; fundedAt: Date | null; settledAt: Date | null } {
  let status: OrderStatus = offChain === "CANCELLED" ? "CANCELLED" : "PENDING_PAYMENT";
  let fundedAt: Date | null = null;
  let settledAt: Date | null = null;
  for (const event of events) {
    if (!event.applied) continue;
    if (event.eventName === "EscrowOpened") {
      // Money arrived even if the buyer had cancelled: the order must show it so it can be refunded.
      if (!fundedAt) {
        status = "FUNDED";
        fundedAt = event.blockTime;
      }
      continue;
    }
    const next = statusAfter[event.eventName];
    if (!fundedAt || !next || finalStatuses.includes(status)) continue;
    status = next;
    if (finalStatuses.includes(next)) settledAt = event.blockTime;
  }
  return { status, fundedAt, settledAt };
}

/**
 * A payment that lands after the order's hold lapsed is still credited, unless the GPUs were taken by
 * another order meanwhile: then the rental can never start, and the order says so, so the buyer is
 * offered the whole amount back instead of waiting on a start that cannot come.
 * No clock is compared: while the hold lasted, the order's own reservation kept everyone else off its
 * GPUs, so finding them taken is proof enough that the hold had lapsed (and the chain's clock, which
 * dates the payment, need not agree with the server's, which dated the hold).
 */
async function paidTooLate(
  tx: Prisma.TransactionClient,
  orderId: string,
  order: { status: OrderStatus; listingId: string; gpuCount: number },
  next: { status: OrderStatus },
): Promise<boolean> {
  if (order.status !== "PENDING_PAYMENT" || next.status !== "FUNDED") return false;
  const free = await machineAvailability(tx, order.listingId, new Date(), { excludeOrderId: orderId });
  return free.gpusFree < order.gpuCount;
}

/**
 * The money and clock columns after `events` (lib/orders/ledger.ts). `amount` and `hours` include the
 * extensions the events show, on top of what was booked; a rental's `endsAt` follows its meter, so its
 * GPUs free up when it really ends. Fixed-price orders keep the capacity rule's estimate.
 */
function ledgerColumns(
  order: {
    amount: Prisma.Decimal;
    hours: number;
    pricePerGpuHour: Prisma.Decimal;
    gpuCount: number;
    ratePerSecond: Prisma.Decimal | null;
    extendedAmount: Prisma.Decimal;
    extendedHours: number;
  },
  events: readonly FoldableEvent[],
  settledAt: Date | null,
) {
  const l = foldLedger(events);
  const perHour = baseUnitsOf(order.pricePerGpuHour) * BigInt(order.gpuCount);
  const extendedHours = perHour > 0n ? Number(l.extendedAmount / perHour) : 0;
  const rate = order.ratePerSecond === null ? null : baseUnitsOf(order.ratePerSecond);
  return {
    amount: (baseUnitsOf(order.amount) - baseUnitsOf(order.extendedAmount) + l.extendedAmount).toString(),
    hours: order.hours - order.extendedHours + extendedHours,
    extendedAmount: l.extendedAmount.toString(),
    extendedHours,
    startedAt: l.startedAt,
    stoppedAt: l.stoppedAt,
    disputedAt: l.disputedAt,
    claimed: l.claimed.toString(),
    providerPaid: l.providerPaid.toString(),
    feePaid: l.feePaid.toString(),
    buyerRefunded: l.buyerRefunded.toString(),
    ...(rate === null ? {} : { endsAt: rentalEnd(l, rate, settledAt) }),
  };
}

/** How far along an order is, for webhooks: an event is sent when the status moves from below its rank to at or past it. */
const rank: Record<OrderStatus, number> = {
  PENDING_PAYMENT: 0,
  CANCELLED: 0,
  FUNDED: 1,
  ACTIVE: 2,
  COMPLETED: 3,
  DISPUTED: 4,
  PAID: 5,
  REFUNDED: 5,
  ENDED: 5,
  RESOLVED: 6,
};

/** Each webhook event, the escrow events that mark it and its rank; one indexer pass may pass several. */
const milestones: readonly { type: WebhookEventType; events: readonly string[] | null; rank: number }[] = [
  { type: "order.funded", events: ["EscrowOpened"], rank: 1 },
  { type: "order.started", events: ["EscrowStarted"], rank: 2 },
  // A job marked complete, a rental stopped by the monitor, or one ended by a party's stop or its meter.
  { type: "order.stopped", events: ["EscrowCompleted", "RentalMonitorStopped", "RentalEnded"], rank: 3 },
  { type: "order.disputed", events: ["EscrowDisputed"], rank: 4 },
  // Released, refunded, resolved or ended: whichever settled it.
  { type: "order.settled", events: null, rank: 5 },
];

/**
 * The webhook events an order's move from `from` to `to` passes. A reorg that takes a status back sends
 * nothing; the move forward again sends its events again (receivers see a new webhook-id).
 */
export function orderWebhookEvents(from: OrderStatus, to: OrderStatus, events: readonly FoldableEvent[]): WebhookEventType[] {
  return milestones
    .filter((m) => m.rank > rank[from] && m.rank <= rank[to])
    .filter((m) => (m.events === null ? finalStatuses.includes(to) : events.some((e) => e.applied && m.events?.includes(e.eventName))))
    .map((m) => m.type);
}

/**
 * Recomputes one order from its stored events inside the indexer's transaction. Its weight in the
 * provider's reliability follows its status both ways: counted when it settles, taken out again when a
 * reorg takes the settlement back (lib/listings/server/reliability.ts).
 * Returns the new status and the events, so the caller can move what follows an order (a job).
 */
export async function refoldOrder(
  tx: Prisma.TransactionClient,
  orderId: string,
): Promise<{ status: OrderStatus; events: FoldableEvent[] } | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      buyerId: true,
      providerId: true,
      outcomeRecorded: true,
      listingId: true,
      gpuCount: true,
      holdExpiresAt: true,
      capacityLost: true,
      amount: true,
      buyerAddress: true,
      providerAddress: true,
      hours: true,
      pricePerGpuHour: true,
      ratePerSecond: true,
      extendedAmount: true,
      extendedHours: true,
      startDeadline: true,
    },
  });
  if (!order) return null;
  const events = await tx.chainEvent.findMany({
    where: { orderId },
    orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    select: { eventName: true, applied: true, blockTime: true, args: true },
  });
  const next = foldStatus(order.status, events);
  const recordOutcome = finalStatuses.includes(next.status) && !order.outcomeRecorded;
  const capacityLost = order.capacityLost || (await paidTooLate(tx, orderId, order, next));
  await tx.order.update({
    where: { id: orderId },
    data: { ...next, capacityLost, ...ledgerColumns(order, events, next.settledAt), ...(recordOutcome ? { outcomeRecorded: true } : {}) },
  });
  await refreshReservedGpus(tx, order.listingId);
  const outcome = finalStatuses.includes(next.status) ? outcomeOf(next.status, events, { ...order, capacityLost }) : null;
  await syncRentalOutcome(tx, orderId, order.providerId, outcome);
  // In the indexer's transaction, like everything above: a tick that rolls back sends nothing.
  const data = {
    orderId,
    status: next.status,
    listingId: order.listingId,
    amount: baseUnitsOf(order.amount).toString(),
    buyer: order.buyerAddress,
    provider: order.providerAddress,
  };
  for (const type of orderWebhookEvents(order.status, next.status, events)) {
    await emitWebhookEvent(tx, { type, userIds: [order.buyerId, order.providerId], data });
  }
  return { status: next.status, events };
}
