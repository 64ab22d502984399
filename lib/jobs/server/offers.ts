import "server-only";
/**
 * Providers' offers on open jobs, and the buyer's acceptance, which turns the chosen offer into an
 * order paid through the escrow exactly like a rental (lib/orders/server/create.ts insertOrder).
 *
 * Acceptance is one transaction that locks the job row: the offer becomes ACCEPTED, every other
 * pending offer DECLINED, the job ACCEPTED with its order. Two accepts racing on one job therefore
 * run one after the other and the second finds the job no longer open (409); the partial unique
 * index "one ACCEPTED offer per job" backs this up and its violation is a 409 too.
 */
import type { Offer, Prisma } from "@/lib/generated/prisma/client";
import { matchMachineToJob } from "@/lib/jobs/matching";
import { fromBaseUnits, baseUnitsOf } from "@/lib/core/money";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { canSee, isOpen, isUniqueViolation, jobHref, jobNotFound, offerNotFound } from "@/lib/jobs/server/access";
import { declineOffers } from "@/lib/jobs/server/mutations";
import { notify } from "@/lib/notifications/server/notify";
import { emitWebhookEvent } from "@/lib/webhooks/server/outbox";
import { insertOrder } from "@/lib/orders/server/create";
import { offerIdPattern, type OfferInput } from "@/lib/jobs/schema";
import { invalidParameters } from "@/lib/core/server/http";

const machineForMatch = {
  id: true,
  providerId: true,
  status: true,
  gpuModel: true,
  vramGb: true,
  gpuCount: true,
  providerReliability: true,
  country: true,
  provider: { select: { banned: true, address: true } },
} satisfies Prisma.MachineSelect;

const requirementsOf = <J extends { maxPricePerGpuHour: { toFixed(d: number): string } }>(job: J) => ({
  ...job,
  maxPricePerGpuHour: baseUnitsOf(job.maxPricePerGpuHour),
});

async function lockJob(tx: Prisma.TransactionClient, jobId: string) {
  await tx.$queryRaw`SELECT id FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
  return tx.job.findUnique({ where: { id: jobId } });
}

export async function makeOffer(caller: Pick<Caller, "userId" | "isAdmin">, input: OfferInput): Promise<Offer> {
  try {
    return await db.$transaction(async (tx) => {
      const job = await lockJob(tx, input.jobId);
      if (!job || !canSee(job, caller)) throw jobNotFound();
      if (job.buyerId === caller.userId) throw new ApiError(403, "own_job", "You cannot make an offer on your own job.");
      if (!isOpen(job))
        throw new ApiError(
          409,
          "job_not_open",
          job.status === "OPEN" ? "The offer deadline of this job has passed." : `This job is ${job.status}: it takes no offers.`,
        );
      const buyer = await tx.user.findUnique({ where: { id: job.buyerId }, select: { banned: true } });
      if (buyer?.banned) throw new ApiError(409, "job_not_open", "The buyer of this job is banned: it takes no offers.");

      const machine = await tx.machine.findUnique({ where: { id: input.machineId }, select: machineForMatch });
      if (!machine || machine.providerId !== caller.userId) {
        throw new ApiError(403, "not_your_machine", "Offer with one of your own machines.", { machineId: ["is not one of your machines"] });
      }
      const requirements = requirementsOf(job);
      if (input.pricePerGpuHour > requirements.maxPricePerGpuHour) {
        throw invalidParameters({
          pricePerGpuHour: [`must be at most the job's maximum of ${fromBaseUnits(requirements.maxPricePerGpuHour)} per GPU-hour`],
        });
      }
      const match = matchMachineToJob({ ...machine, providerBanned: machine.provider.banned }, requirements);
      if (!match.ok) throw invalidParameters({ machineId: match.reasons.map((r) => `does not meet the job's requirements: ${r}`) });

      const offer = await tx.offer.create({
        data: {
          jobId: job.id,
          providerId: caller.userId,
          machineId: machine.id,
          pricePerGpuHour: input.pricePerGpuHour.toString(),
          earliestStart: input.earliestStart,
          note: input.note,
        },
      });
      await notify(tx, {
        userId: job.buyerId,
        kind: "offer.new",
        params: { jobTitle: job.title, offerId: offer.id, pricePerGpuHour: input.pricePerGpuHour.toString() },
        href: jobHref(job.id),
      });
      await emitWebhookEvent(tx, {
        type: "offer.received",
        userIds: [job.buyerId],
        data: { jobId: job.id, offerId: offer.id, machineId: machine.id, pricePerGpuHour: input.pricePerGpuHour.toString() },
      });
      return offer;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(409, "offer_exists", "You already have a pending offer on this job: withdraw it to make a new one.");
    throw error;
  }
}

async function offerWithJob(tx: Prisma.TransactionClient, offerId: string) {
  if (!offerIdPattern.test(offerId)) throw offerNotFound();
  const found = await tx.offer.findUnique({ where: { id: offerId }, select: { jobId: true } });
  if (!found) throw offerNotFound();
  // Lock the job first (as every job write does), then read the offer as it is under that lock.
  const job = await lockJob(tx, found.jobId);
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, include: { machine: { select: machineForMatch } } });
  return { job: job!, offer };
}

/** The provider takes back its offer; possible until it is accepted (or declined). */
export async function withdrawOffer(caller: Pick<Caller, "userId" | "isAdmin">, offerId: string): Promise<Offer> {
  return db.$transaction(async (tx) => {
    const { job, offer } = await offerWithJob(tx, offerId);
    if (offer.providerId !== caller.userId) {
      if (job.buyerId === caller.userId || caller.isAdmin)
        throw new ApiError(403, "forbidden", "Only the provider who made this offer can withdraw it.");
      throw offerNotFound();
    }
    if (offer.status !== "PENDING")
      throw new ApiError(409, "invalid_transition", `This offer is ${offer.status}: it can no longer be withdrawn.`);
    return tx.offer.update({ where: { id: offerId }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
  });
}

export interface AcceptResult {
  jobId: string;
  orderId: string;
}

/** The buyer accepts one offer: see the module comment for what happens, all or nothing. */
export async function acceptOffer(caller: Pick<Caller, "userId" | "isAdmin" | "address">, offerId: string): Promise<AcceptResult> {
  try {
    return await db.$transaction(async (tx) => {
      const { job, offer } = await offerWithJob(tx, offerId);
      if (job.buyerId !== caller.userId) {
        if (offer.providerId === caller.userId || caller.isAdmin)
          throw new ApiError(403, "forbidden", "Only the buyer who posted the job can accept an offer.");
        throw offerNotFound();
      }
      if (offer.status !== "PENDING")
        throw new ApiError(409, "invalid_transition", `This offer is ${offer.status}: it cannot be accepted.`);
      if (!isOpen(job)) {
        throw new ApiError(
          409,
          "job_not_open",
          job.status === "OPEN" ? "The offer deadline of this job has passed." : `This job is ${job.status}: it accepts no more offers.`,
        );
      }
      const price = baseUnitsOf(offer.pricePerGpuHour);
      // The machine may have been paused or the provider banned since the offer was made.
      const match = matchMachineToJob({ ...offer.machine, providerBanned: offer.machine.provider.banned }, requirementsOf(job), price);
      if (!match.ok) throw new ApiError(409, "offer_no_longer_matches", `This offer no longer qualifies: ${match.reasons.join("; ")}.`);

      const orderId = await insertOrder(tx, {
        listingId: offer.machineId,
        buyer: caller,
        providerId: offer.providerId,
        providerAddress: offer.machine.provider.address,
        hours: job.estimatedHours,
        gpuCount: job.gpuCount,
        pricePerGpuHour: price,
      });
      const now = new Date();
      await tx.offer.update({ where: { id: offer.id }, data: { status: "ACCEPTED", decidedAt: now } });
      const { count } = await tx.job.updateMany({ where: { id: job.id, status: "OPEN" }, data: { status: "ACCEPTED", orderId } });
      if (count !== 1) throw new ApiError(409, "job_not_open", "This job has already accepted an offer.");

      const others = await tx.offer.findMany({ where: { jobId: job.id, status: "PENDING" }, select: { id: true, providerId: true } });
      await declineOffers(tx, job, others, "other_offer_accepted");
      await notify(tx, {
        userId: offer.providerId,
        kind: "offer.accepted",
        params: { jobTitle: job.title, offerId: offer.id, orderId },
        href: jobHref(job.id),
      });
      await emitWebhookEvent(tx, {
        type: "offer.accepted",
        userIds: [offer.providerId],
        data: { jobId: job.id, offerId: offer.id, orderId },
      });
      return { jobId: job.id, orderId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError(409, "job_not_open", "This job has already accepted an offer.");
    throw error;
  }
}
