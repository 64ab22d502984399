import "server-only";
/**
 * The provider's side of a funded job: progress notes, start and complete. Start and complete are
 * the order transitions (lib/orders/server/transitions.ts) on the job's order, so the escrow call,
 * the state rules and who may ask are the rental's; the job's status then follows the order when
 * the indexer reads the event (lib/jobs/server/settlement.ts). Release, refund and dispute have no
 * job-specific part: they are POST /api/v1/orders/{orderId}/{action}.
 */
import type { JobProgressNote } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { canSee, checkJobId, jobNotFound } from "@/lib/jobs/server/access";
import { transitionOrder, type TransitionResult } from "@/lib/orders/server/transitions";
import type { JobResultInput } from "@/lib/jobs/schema";

/** The job with its order's provider, for a provider's action; 404/403/409 otherwise. */
async function jobForProvider(caller: Pick<Caller, "userId" | "isAdmin">, jobId: string) {
  checkJobId(jobId);
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { id: true, status: true, buyerId: true, orderId: true, order: { select: { providerId: true } } },
  });
  if (!job || !canSee(job, caller)) throw jobNotFound();
  if (!job.order || job.order.providerId !== caller.userId) {
    throw new ApiError(403, "forbidden", "Only the provider whose offer was accepted can do this.");
  }
  return { ...job, orderId: job.orderId as string };
}

export async function postProgress(caller: Pick<Caller, "userId" | "isAdmin">, jobId: string, body: string): Promise<JobProgressNote> {
  const job = await jobForProvider(caller, jobId);
  if (job.status !== "FUNDED" && job.status !== "RUNNING") {
    throw new ApiError(409, "invalid_transition", `This job is ${job.status}: progress notes are for funded and running jobs.`);
  }
  return db.jobProgressNote.create({ data: { jobId, authorId: caller.userId, body } });
}

/** The escrow's markStarted for the provider to sign; the job is RUNNING once the indexer sees it. */
export async function startJob(caller: Caller, jobId: string, opts: { txHash?: string } = {}): Promise<TransitionResult> {
  const job = await jobForProvider(caller, jobId);
  return transitionOrder(caller, job.orderId, "start", { txHash: opts.txHash });
}

/**
 * Stores where the result is and its checksum, then returns the escrow's markCompleted. The order
 * must be ACTIVE (checked by the transition first, so a refused call stores nothing); until the
 * indexer sees the completion the provider may submit a corrected result.
 */
export async function completeJob(
  caller: Caller,
  jobId: string,
  result: JobResultInput,
  opts: { txHash?: string } = {},
): Promise<TransitionResult> {
  const job = await jobForProvider(caller, jobId);
  const transition = await transitionOrder(caller, job.orderId, "complete", { txHash: opts.txHash });
  await db.job.update({ where: { id: jobId }, data: { resultUrl: result.resultUrl, resultSha256: result.resultSha256 } });
  return transition;
}
