import "server-only";
/**
 * A buyer's writes to its own jobs: create (as a draft or published), edit, publish, cancel.
 * Only the buyer acts on a job (admins read everything but post nothing for others).
 *
 * Editing an OPEN job keeps its pending offers when they still qualify; an offer whose machine no
 * longer matches the new requirements, or whose price is above a lowered maximum, is declined and
 * its provider told. Providers then never hold an offer the buyer could not accept, and offers
 * that are still valid survive cosmetic edits (a typo in the description).
 */
import type { Job, Prisma } from "@/lib/generated/prisma/client";
import { matchMachineToJob } from "@/lib/jobs/matching";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { checkJobId, isOpen, jobHref, jobNotFound } from "@/lib/jobs/server/access";
import { notify } from "@/lib/notifications/server/notify";
import { jobCrossFieldErrors, requirementFields, type JobInput, type JobPatch } from "@/lib/jobs/schema";
import { invalidParameters } from "@/lib/core/server/http";
import { baseUnitsOf } from "@/lib/core/money";

export type JobActor = Pick<Caller, "userId" | "isAdmin">;

function budgetOf(price: bigint, gpuCount: number, hours: number): string {
  return (price * BigInt(gpuCount) * BigInt(hours)).toString();
}

export async function createJob(caller: JobActor, input: JobInput, opts: { publish?: boolean } = {}): Promise<Job> {
  const now = new Date();
  return db.job.create({
    data: {
      buyerId: caller.userId,
      title: input.title,
      description: input.description,
      framework: input.framework,
      containerImage: input.containerImage,
      command: input.command,
      datasetUrl: input.datasetUrl,
      outputUrl: input.outputUrl,
      gpuModels: input.gpuModels,
      minVramGb: input.minVramGb,
      gpuCount: input.gpuCount,
      minReliability: input.minReliability,
      regions: input.regions,
      estimatedHours: input.estimatedHours,
      maxPricePerGpuHour: input.maxPricePerGpuHour.toString(),
      maxBudget: budgetOf(input.maxPricePerGpuHour, input.gpuCount, input.estimatedHours),
      offerDeadline: input.offerDeadline,
      status: opts.publish ? "OPEN" : "DRAFT",
      publishedAt: opts.publish ? now : null,
    },
  });
}

/** The job for a write by its buyer: 404 when the caller may not see it, 403 when it is not theirs. */
async function ownJob(tx: Prisma.TransactionClient, caller: JobActor, id: string): Promise<Job> {
  checkJobId(id);
  // FOR UPDATE: an edit, a publish, a cancel and an accept on the same job happen one after another.
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Job" WHERE id = ${id} FOR UPDATE`;
  const job = rows.length > 0 ? await tx.job.findUnique({ where: { id } }) : null;
  if (!job || (job.status === "DRAFT" && job.buyerId !== caller.userId && !caller.isAdmin)) throw jobNotFound();
  if (job.buyerId !== caller.userId) throw new ApiError(403, "forbidden", "Only the buyer who posted this job can change it.");
  return job;
}

function refuse(job: Job, what: string): never {
  if (job.status === "OPEN" && !isOpen(job))
    throw new ApiError(409, "job_expired", `The offer deadline of this job has passed: it can no longer ${what}.`);
  throw new ApiError(409, "invalid_transition", `This job is ${job.status}: it can no longer ${what}.`);
}

export async function updateJob(caller: JobActor, id: string, patch: JobPatch): Promise<Job> {
  return db.$transaction(async (tx) => {
    const job = await ownJob(tx, caller, id);
    if (job.status !== "DRAFT" && !isOpen(job)) refuse(job, "be edited");
    const merged = {
      gpuModels: patch.gpuModels ?? job.gpuModels,
      minVramGb: patch.minVramGb ?? job.minVramGb,
      gpuCount: patch.gpuCount ?? job.gpuCount,
      minReliability: patch.minReliability ?? job.minReliability,
      regions: patch.regions ?? job.regions,
      estimatedHours: patch.estimatedHours ?? job.estimatedHours,
      maxPricePerGpuHour: patch.maxPricePerGpuHour ?? baseUnitsOf(job.maxPricePerGpuHour),
    };
    const crossErrors = jobCrossFieldErrors(merged);
    if (Object.keys(crossErrors).length > 0) throw invalidParameters(crossErrors);

    const { maxPricePerGpuHour, ...rest } = patch;
    const updated = await tx.job.update({
      where: { id },
      data: {
        ...rest,
        ...(maxPricePerGpuHour !== undefined ? { maxPricePerGpuHour: maxPricePerGpuHour.toString() } : {}),
        maxBudget: budgetOf(merged.maxPricePerGpuHour, merged.gpuCount, merged.estimatedHours),
      },
    });
    if (job.status === "OPEN" && requirementFields.some((f) => patch[f] !== undefined)) await declineUnqualified(tx, updated);
    return updated;
  });
}

/** After a requirements edit: decline the pending offers the job would no longer accept. */
async function declineUnqualified(tx: Prisma.TransactionClient, job: Job): Promise<void> {
  const pending = await tx.offer.findMany({
    where: { jobId: job.id, status: "PENDING" },
    select: {
      id: true,
      providerId: true,
      pricePerGpuHour: true,
      provider: { select: { banned: true } },
      machine: { select: { status: true, gpuModel: true, vramGb: true, gpuCount: true, providerReliability: true, country: true } },
    },
  });
  const requirements = { ...job, maxPricePerGpuHour: baseUnitsOf(job.maxPricePerGpuHour) };
  const unqualified = pending.filter(
    (o) => !matchMachineToJob({ ...o.machine, providerBanned: o.provider.banned }, requirements, baseUnitsOf(o.pricePerGpuHour)).ok,
  );
  await declineOffers(tx, job, unqualified, "requirements_changed");
}

/** Declines `offers` (still PENDING ones only) and tells each provider why. */
export async function declineOffers(
  tx: Prisma.TransactionClient,
  job: Pick<Job, "id" | "title">,
  offers: { id: string; providerId: string }[],
  reason: "requirements_changed" | "job_cancelled" | "job_expired" | "other_offer_accepted",
): Promise<void> {
  if (offers.length === 0) return;
  const now = new Date();
  const declined: { id: string; providerId: string }[] = [];
  for (const offer of offers) {
    const { count } = await tx.offer.updateMany({
      where: { id: offer.id, status: "PENDING" },
      data: { status: "DECLINED", decidedAt: now },
    });
    if (count === 1) declined.push(offer);
  }
  await notify(
    tx,
    declined.map((o) => ({
      userId: o.providerId,
      kind: "offer.declined" as const,
      params: { jobTitle: job.title, offerId: o.id, reason },
      href: jobHref(job.id),
    })),
  );
}

export async function publishJob(caller: JobActor, id: string): Promise<Job> {
  return db.$transaction(async (tx) => {
    const job = await ownJob(tx, caller, id);
    if (job.status !== "DRAFT") refuse(job, "be published");
    if (job.offerDeadline <= new Date()) {
      throw new ApiError(409, "deadline_passed", "The offer deadline has passed: set a later one before publishing.", {
        offerDeadline: ["must be in the future"],
      });
    }
    return tx.job.update({ where: { id }, data: { status: "OPEN", publishedAt: new Date() } });
  });
}

/**
 * Cancels a draft or an open job (pending offers declined and their providers told). An accepted
 * job can still be cancelled while its order awaits payment: the order is cancelled with it, in the
 * same conditional way the order's own cancel works, so a payment seen meanwhile wins.
 */
export async function cancelJob(caller: JobActor, id: string): Promise<Job> {
  checkJobId(id);
  return db.$transaction(async (tx) => {
    // The indexer locks an order and then its job (refoldOrder); lock in that order too, or the two could deadlock.
    const before = await tx.job.findUnique({ where: { id }, select: { orderId: true } });
    if (before?.orderId) await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${before.orderId} FOR UPDATE`;
    const job = await ownJob(tx, caller, id);
    if (job.orderId !== (before?.orderId ?? null))
      throw new ApiError(409, "job_changed", "An offer was accepted meanwhile: look at the job again.");
    if (job.status === "ACCEPTED" && job.orderId) {
      const { count } = await tx.order.updateMany({ where: { id: job.orderId, status: "PENDING_PAYMENT" }, data: { status: "CANCELLED" } });
      if (count === 0) refuse(job, "be cancelled (its order is already paid)");
    } else if (job.status !== "DRAFT" && job.status !== "OPEN") {
      refuse(job, "be cancelled");
    }
    const pending = await tx.offer.findMany({ where: { jobId: id, status: "PENDING" }, select: { id: true, providerId: true } });
    await declineOffers(tx, job, pending, "job_cancelled");
    return tx.job.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
  });
}
