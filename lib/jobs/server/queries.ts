import "server-only";
/**
 * Reading jobs and offers, with visibility in one place (lib/jobs/server/access.ts): the board shows
 * open jobs; a draft is its buyer's (and admins'); offers are the buyer's and admins' to compare, a
 * provider sees only its own, everyone else only how many there are.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { matchMachineToJob } from "@/lib/jobs/matching";
import { db } from "@/lib/core/server/db";
import { canSee, openWhere, type Viewer } from "@/lib/jobs/server/access";
import type { JobCard, JobDetail, OfferView } from "@/lib/jobs/job-dto";
import { jobCard, jobCardSelect, offerSelect, offerView } from "@/lib/jobs/server/dto";
import { jobIdPattern, offerIdPattern } from "@/lib/jobs/schema";
import { baseUnitsOf } from "@/lib/core/money";
import { encodeJobCursor, type JobSearch } from "@/lib/jobs/board-search";

export interface JobSearchResult {
  items: JobCard[];
  nextCursor: string | null;
}

const sortColumn = { budget: "maxBudget", newest: "publishedAt", deadline: "offerDeadline" } as const;
const sortDirection = { budget: "desc", newest: "desc", deadline: "asc" } as const;

/** The public board: open jobs, filtered, keyset-paginated on (sort key, id). */
export async function searchJobs(query: JobSearch, now = new Date()): Promise<JobSearchResult> {
  const and: Prisma.JobWhereInput[] = [openWhere(now)];
  if (query.gpuModel.length > 0) and.push({ OR: [{ gpuModels: { isEmpty: true } }, { gpuModels: { hasSome: query.gpuModel } }] });
  // minVram is the VRAM of the provider's GPU: jobs that such a GPU satisfies.
  if (query.minVram !== undefined) and.push({ minVramGb: { lte: query.minVram } });
  if (query.minBudget !== undefined) and.push({ maxBudget: { gte: query.minBudget.toString() } });
  if (query.maxBudget !== undefined) and.push({ maxBudget: { lte: query.maxBudget.toString() } });
  if (query.region) and.push({ OR: [{ regions: { isEmpty: true } }, { regions: { has: query.region } }] });
  if (query.framework) and.push({ framework: query.framework });

  const column = sortColumn[query.sort];
  const dir = sortDirection[query.sort];
  if (query.cursor) {
    const key = query.sort === "budget" ? query.cursor.key : new Date(query.cursor.key);
    const beyond = dir === "desc" ? { lt: key } : { gt: key };
    and.push({ OR: [{ [column]: beyond }, { [column]: key, id: dir === "desc" ? { lt: query.cursor.id } : { gt: query.cursor.id } }] });
  }
  const rows = await db.job.findMany({
    where: { AND: and },
    orderBy: [{ [column]: dir }, { id: dir }],
    take: query.limit + 1,
    select: jobCardSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > query.limit && last) {
    const key =
      query.sort === "budget"
        ? last.maxBudget.toFixed(0)
        : (query.sort === "newest" ? (last.publishedAt ?? last.createdAt) : last.offerDeadline).toISOString();
    nextCursor = encodeJobCursor({ sort: query.sort, key, id: last.id });
  }
  return { items: page.map((r) => jobCard(r, now)), nextCursor };
}

const jobDetailSelect = {
  ...jobCardSelect,
  buyerId: true,
  description: true,
  containerImage: true,
  command: true,
  datasetUrl: true,
  outputUrl: true,
  resultUrl: true,
  resultSha256: true,
  completedAt: true,
  cancelledAt: true,
  updatedAt: true,
  orderId: true,
  buyer: { select: { address: true, displayName: true } },
  order: { select: { id: true, status: true, providerId: true, amount: true, providerAddress: true } },
} satisfies Prisma.JobSelect;

export type JobViewerRole = "buyer" | "provider" | "admin" | null;

/**
 * One job as `viewer` may see it, or null (unknown, or a draft that is not theirs). `viewerRole`
 * is "provider" only for the provider whose offer was accepted; the result and the order are the
 * parties' (and admins') alone.
 */
export async function getJobForViewer(id: string, viewer: Viewer, now = new Date()): Promise<JobDetail | null> {
  if (!jobIdPattern.test(id)) return null;
  const row = await db.job.findUnique({ where: { id }, select: jobDetailSelect });
  if (!row || !canSee(row, viewer)) return null;
  const role: JobViewerRole =
    viewer?.userId === row.buyerId
      ? "buyer"
      : viewer && viewer.userId === row.order?.providerId
        ? "provider"
        : viewer?.isAdmin
          ? "admin"
          : null;
  const { order, resultUrl, resultSha256, orderId, _count, maxPricePerGpuHour, maxBudget, status, ...rest } = row;
  void [_count, maxPricePerGpuHour, maxBudget, status];
  const party = role !== null;
  return {
    ...rest,
    ...jobCard(row, now),
    viewerRole: role,
    order:
      party && order
        ? { id: order.id, status: order.status, amount: order.amount.toFixed(0), providerAddress: order.providerAddress }
        : null,
    orderId: party ? orderId : null,
    resultUrl: party ? resultUrl : null,
    resultSha256: party ? resultSha256 : null,
  };
}

/** Offers on a job for `viewer`, with the pending count everyone may see; null when the job is not visible. */
export async function offersForJob(
  jobId: string,
  viewer: Viewer,
  now = new Date(),
): Promise<{ count: number; offers: OfferView[] } | null> {
  if (!jobIdPattern.test(jobId)) return null;
  const job = await db.job.findUnique({ where: { id: jobId }, select: { status: true, buyerId: true } });
  if (!job || !canSee(job, viewer)) return null;
  const count = await db.offer.count({ where: { jobId, status: "PENDING" } });
  const seesAll = viewer?.userId === job.buyerId || viewer?.isAdmin === true;
  if (!viewer) return { count, offers: [] };
  const rows = await db.offer.findMany({
    where: { jobId, ...(seesAll ? {} : { providerId: viewer.userId }) },
    // Pending first, cheapest first: the order a buyer compares them in.
    orderBy: [{ status: "asc" }, { pricePerGpuHour: "asc" }, { createdAt: "asc" }],
    select: offerSelect,
  });
  return { count, offers: rows.map((r) => offerView(r, now)) };
}

export interface MatchingJob {
  job: JobCard;
  /** The provider's LIVE machines that satisfy the job. */
  machines: { id: string; gpuModel: string; gpuCount: number; vramGb: number; country: string }[];
  /** The provider's own pending or accepted offer on it, if any. */
  myOfferId: string | null;
}

/**
 * "Matching jobs": open jobs (not the provider's own) that at least one of its LIVE machines
 * satisfies. SQL narrows by the largest machine; matchMachineToJob decides per machine.
 */
export async function matchingJobsForProvider(providerId: string, now = new Date()): Promise<MatchingJob[]> {
  const provider = await db.user.findUnique({ where: { id: providerId }, select: { banned: true } });
  if (!provider || provider.banned) return [];
  const machines = await db.machine.findMany({
    where: { providerId, status: "LIVE" },
    select: { id: true, status: true, gpuModel: true, gpuCount: true, vramGb: true, country: true, providerReliability: true },
  });
  if (machines.length === 0) return [];
  const rows = await db.job.findMany({
    where: {
      AND: [
        openWhere(now),
        { buyerId: { not: providerId } },
        { gpuCount: { lte: Math.max(...machines.map((m) => m.gpuCount)) } },
        { minVramGb: { lte: Math.max(...machines.map((m) => m.vramGb)) } },
        { minReliability: { lte: Math.max(...machines.map((m) => m.providerReliability)) } },
      ],
    },
    orderBy: [{ offerDeadline: "asc" }, { id: "asc" }],
    take: 500,
    select: { ...jobCardSelect, offers: { where: { providerId, status: { in: ["PENDING", "ACCEPTED"] } }, select: { id: true } } },
  });
  const out: MatchingJob[] = [];
  for (const row of rows) {
    const requirements = { ...row, maxPricePerGpuHour: baseUnitsOf(row.maxPricePerGpuHour) };
    const fit = machines.filter((m) => matchMachineToJob(m, requirements).ok);
    if (fit.length === 0) continue;
    const { offers, ...card } = row;
    out.push({
      job: jobCard(card, now),
      machines: fit.map(({ id, gpuModel, gpuCount, vramGb, country }) => ({ id, gpuModel, gpuCount, vramGb, country })),
      myOfferId: offers[0]?.id ?? null,
    });
  }
  return out;
}

/** "My jobs": every job the buyer posted, newest first, with its order's status once accepted. */
export async function jobsForBuyer(userId: string, now = new Date()) {
  const rows = await db.job.findMany({
    where: { buyerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { ...jobCardSelect, orderId: true, order: { select: { status: true } } },
  });
  return rows.map(({ order, orderId, ...row }) => ({ ...jobCard(row, now), orderId, orderStatus: order?.status ?? null }));
}

/** "My offers": every offer the provider made, newest first, with its job. */
export async function offersForProvider(userId: string, now = new Date()): Promise<OfferView[]> {
  const rows = await db.offer.findMany({
    where: { providerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: offerSelect,
  });
  return rows.map((r) => offerView(r, now));
}

/** One offer for its provider, the job's buyer and admins; null for anyone else. */
export async function getOfferForViewer(offerId: string, viewer: Viewer, now = new Date()): Promise<OfferView | null> {
  if (!viewer || !offerIdPattern.test(offerId)) return null;
  const row = await db.offer.findUnique({
    where: { id: offerId },
    select: { ...offerSelect, job: { select: { ...offerSelect.job.select, buyerId: true } } },
  });
  if (!row || (row.providerId !== viewer.userId && row.job.buyerId !== viewer.userId && !viewer.isAdmin)) return null;
  return offerView(row, now);
}

/** Progress notes, oldest first: for the buyer, the provider running the job and admins; null for anyone else. */
export async function progressNotes(jobId: string, viewer: Viewer) {
  if (!viewer || !jobIdPattern.test(jobId)) return null;
  const job = await db.job.findUnique({ where: { id: jobId }, select: { buyerId: true, order: { select: { providerId: true } } } });
  if (!job || (viewer.userId !== job.buyerId && viewer.userId !== job.order?.providerId && !viewer.isAdmin)) return null;
  return db.jobProgressNote.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { address: true } } },
  });
}
