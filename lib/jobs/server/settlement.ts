import "server-only";
/**
 * After acceptance a job's status follows its order, which follows the chain (lib/orders/server/
 * state.ts refoldOrder calls this in the indexer's transaction). Refolds run repeatedly and reorgs
 * rewind them, so the job status is recomputed from the order each time and a notice is written
 * only for milestones the status actually moves past.
 */
import type { JobStatus, OrderStatus, Prisma } from "@/lib/generated/prisma/client";
import { jobHref } from "@/lib/jobs/server/access";
import { notify, type NewNotification } from "@/lib/notifications/server/notify";
import { emitWebhookEvent } from "@/lib/webhooks/server/outbox";

const jobStatusFor: Record<OrderStatus, JobStatus> = {
  PENDING_PAYMENT: "ACCEPTED",
  FUNDED: "FUNDED",
  ACTIVE: "RUNNING",
  COMPLETED: "COMPLETED",
  PAID: "PAID",
  DISPUTED: "DISPUTED",
  RESOLVED: "RESOLVED",
  REFUNDED: "REFUNDED",
  CANCELLED: "CANCELLED",
  // Only metered rentals end by their meter; a job's order is fixed-price and never gets here.
  ENDED: "PAID",
};

/** How far along a job is; a milestone is announced when the status moves from below it to at or past it. */
const rank: Partial<Record<JobStatus, number>> = {
  ACCEPTED: 0,
  FUNDED: 1,
  RUNNING: 2,
  COMPLETED: 3,
  DISPUTED: 4,
  PAID: 5,
  REFUNDED: 5,
  RESOLVED: 6,
};

/** Each notice, the event that marks it and its rank: one indexer pass may cover several (paid and disputed at once). */
const milestones = [
  { kind: "job.funded", event: "EscrowOpened", rank: 1 },
  { kind: "job.completed", event: "EscrowCompleted", rank: 3 },
  { kind: "job.disputed", event: "EscrowDisputed", rank: 4 },
  { kind: "job.resolved", event: "DisputeResolved", rank: 6 },
] as const;

export interface SettlementEvent {
  eventName: string;
  applied: boolean;
  args: Prisma.JsonValue;
}

export async function syncJobWithOrder(
  tx: Prisma.TransactionClient,
  orderId: string,
  orderStatus: OrderStatus,
  events: readonly SettlementEvent[],
): Promise<void> {
  const job = await tx.job.findUnique({
    where: { orderId },
    select: {
      id: true,
      title: true,
      status: true,
      buyerId: true,
      completedAt: true,
      order: { select: { providerId: true, buyerAddress: true } },
    },
  });
  if (!job || !job.order) return;
  const next = jobStatusFor[orderStatus];
  if (next === job.status) return;
  await tx.job.update({
    where: { id: job.id },
    data: { status: next, ...(next === "COMPLETED" && !job.completedAt ? { completedAt: new Date() } : {}) },
  });

  const from = rank[job.status] ?? -1;
  const to = rank[next] ?? -1;
  const buyer = job.buyerId;
  const provider = job.order.providerId;
  const notice = (userId: string, kind: NewNotification["kind"]): NewNotification => ({
    userId,
    kind,
    params: { jobTitle: job.title, orderId },
    href: jobHref(job.id),
  });
  const notices: NewNotification[] = [];
  for (const m of milestones) {
    const event = events.find((e) => e.applied && e.eventName === m.event);
    if (!event || m.rank <= from || m.rank > to) continue;
    if (m.kind === "job.funded") notices.push(notice(provider, m.kind));
    if (m.kind === "job.completed") notices.push(notice(buyer, m.kind));
    if (m.kind === "job.resolved") notices.push(notice(buyer, m.kind), notice(provider, m.kind));
    if (m.kind === "job.disputed") {
      // The other party of whoever opened the dispute.
      const by = String((event.args as { by?: string } | null)?.by ?? "");
      notices.push(notice(by.toLowerCase() === job.order.buyerAddress.toLowerCase() ? provider : buyer, m.kind));
    }
  }
  await notify(tx, notices);
  // The buyer's scripts hear of a finished job from the same transaction as its notice.
  if (notices.some((n) => n.kind === "job.completed")) {
    await emitWebhookEvent(tx, { type: "job.completed", userIds: [buyer], data: { jobId: job.id, orderId, status: next } });
  }
}
