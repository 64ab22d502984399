import "server-only";
/**
 * What every job query and mutation agrees on: when a job counts as open (status OPEN and the offer
 * deadline not passed, so correctness never waits for the expiry sweep), who may see it, and how a
 * refused write is reported.
 */
import type { Job, JobStatus, Prisma } from "@/lib/generated/prisma/client";
import { Prisma as PrismaNs } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { jobIdPattern } from "@/lib/jobs/schema";

export type Viewer = Pick<Caller, "userId" | "isAdmin"> | null;

export function isOpen(job: Pick<Job, "status" | "offerDeadline">, now = new Date()): boolean {
  return job.status === "OPEN" && job.offerDeadline > now;
}

/**
 * The SQL side of isOpen, for the board and providers' matching jobs: it also leaves out the jobs of
 * banned buyers. They keep their status (an unban brings them back), but nobody is shown work that
 * someone banned posted, as a banned provider's listings leave the marketplace.
 */
export function openWhere(now = new Date()): Prisma.JobWhereInput {
  return { status: "OPEN", offerDeadline: { gt: now }, buyer: { banned: false } };
}

/** The status to show: an OPEN job past its deadline is EXPIRED even before the sweep writes it. */
export function effectiveStatus(job: Pick<Job, "status" | "offerDeadline">, now = new Date()): JobStatus {
  return job.status === "OPEN" && job.offerDeadline <= now ? "EXPIRED" : job.status;
}

/** Drafts are the buyer's (and admins') alone; everything else about a job is public. */
export function canSee(job: Pick<Job, "status" | "buyerId">, viewer: Viewer): boolean {
  return job.status !== "DRAFT" || viewer?.userId === job.buyerId || viewer?.isAdmin === true;
}

export const jobNotFound = () => new ApiError(404, "not_found", "No job with this id.");
export const offerNotFound = () => new ApiError(404, "not_found", "No offer with this id.");

export function checkJobId(id: string): string {
  if (!jobIdPattern.test(id)) throw jobNotFound();
  return id;
}

/** A Postgres unique violation (Prisma P2002), e.g. the partial indexes on Offer. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof PrismaNs.PrismaClientKnownRequestError && error.code === "P2002";
}

export const jobHref = (jobId: string) => `/jobs/${jobId}`;
