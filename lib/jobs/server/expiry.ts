import "server-only";
/**
 * The expiry sweep: OPEN jobs whose offer deadline passed become EXPIRED and their pending offers
 * DECLINED (providers told). Every query and mutation already treats such jobs as closed
 * (lib/jobs/server/access.ts isOpen), so the sweep only makes the stored status catch up; the
 * indexer loop runs it (lib/indexer/server/run.ts).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { declineOffers } from "@/lib/jobs/server/mutations";

/** How many jobs one sweep expires at most; the next sweep takes the rest. */
const BATCH = 200;

/** Returns how many jobs it expired. */
export async function expireJobs(now = new Date(), client: PrismaClient = db): Promise<number> {
  const due = await client.job.findMany({
    where: { status: "OPEN", offerDeadline: { lte: now } },
    orderBy: [{ offerDeadline: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true },
  });
  let expired = 0;
  for (const { id } of due) {
    expired += await client.$transaction(async (tx) => {
      // Conditional: an accept that won the race (before the deadline) keeps its job.
      const { count } = await tx.job.updateMany({
        where: { id, status: "OPEN", offerDeadline: { lte: now } },
        data: { status: "EXPIRED" },
      });
      if (count === 0) return 0;
      const job = await tx.job.findUniqueOrThrow({ where: { id }, select: { id: true, title: true } });
      const pending = await tx.offer.findMany({ where: { jobId: id, status: "PENDING" }, select: { id: true, providerId: true } });
      await declineOffers(tx, job, pending, "job_expired");
      return 1;
    });
  }
  return expired;
}
