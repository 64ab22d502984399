import "server-only";
/**
 * After acceptance a job's status follows its order, which follows the chain (lib/server/orders/
 * state.ts refoldOrder calls this in the indexer's transaction). Refolds run repeatedly and reorgs
 * rewind them, so the job status is recomputed from the order each time and a notice is written
 * only when the job's status actually changes.
 */
import type { JobStatus, OrderStatus, Prisma } from "@/lib/generated/prisma/client";
import { jobHref } from "@/lib/server/jobs/access";
import { notify, type NewNotification } from "@/lib/server/notifications";

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
};

export async function syncJobWithOrder(tx: Prisma.TransactionClient, orderId: string, orderStatus: OrderStatus, disputedBy?: string): Promise<void> {
  const job = await tx.job.findUnique({
    where: { orderId },
    select: { id: true, title: true, status: true, buyerId: true, completedAt: true, order: { select: { providerId: true, buyerAddress: true } } },
  });
  if (!job || !job.order) return;
  const next = jobStatusFor[orderStatus];
  if (next === job.status) return;
  await tx.job.update({
    where: { id: job.id },
    data: { status: next, ...(next === "COMPLETED" && !job.completedAt ? { completedAt: new Date() } : {}) },
  });

  const buyer = job.buyerId;
  const provider = job.order.providerId;
  const notice = (userId: string, kind: NewNotification["kind"]): NewNotification => ({ userId, kind, params: { jobTitle: job.title, orderId }, href: jobHref(job.id) });
  const notices: NewNotification[] = [];
  if (next === "FUNDED") notices.push(notice(provider, "job.funded"));
  if (next === "COMPLETED") notices.push(notice(buyer, "job.completed"));
  if (next === "DISPUTED") {
    // The other party of whoever opened the dispute; both when the event does not say.
    const byBuyer = disputedBy?.toLowerCase() === job.order.buyerAddress.toLowerCase();
    if (disputedBy === undefined) notices.push(notice(buyer, "job.disputed"), notice(provider, "job.disputed"));
    else notices.push(notice(byBuyer ? provider : buyer, "job.disputed"));
  }
  if (next === "RESOLVED") notices.push(notice(buyer, "job.resolved"), notice(provider, "job.resolved"));
  await notify(tx, notices);
}
