import "server-only";
/**
 * Jobs and offers from Prisma rows to the shapes they leave the server in (lib/jobs/job-dto.ts):
 * money as base-unit strings, dates as Dates (JSON turns them into ISO strings), status as the
 * viewer should see it (an OPEN job past its deadline reads EXPIRED).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobCard, OfferView } from "@/lib/jobs/job-dto";
import { effectiveStatus } from "@/lib/jobs/server/access";
import { baseUnitsOf } from "@/lib/core/money";

export const jobCardSelect = {
  id: true,
  title: true,
  framework: true,
  status: true,
  gpuModels: true,
  minVramGb: true,
  gpuCount: true,
  minReliability: true,
  regions: true,
  estimatedHours: true,
  maxPricePerGpuHour: true,
  maxBudget: true,
  offerDeadline: true,
  publishedAt: true,
  createdAt: true,
  _count: { select: { offers: { where: { status: "PENDING" } } } },
} satisfies Prisma.JobSelect;

type JobCardRow = Prisma.JobGetPayload<{ select: typeof jobCardSelect }>;

export function jobCard(row: JobCardRow, now = new Date()): JobCard {
  const { _count, maxPricePerGpuHour, maxBudget, ...rest } = row;
  return {
    ...rest,
    status: effectiveStatus(row, now),
    maxPricePerGpuHour: maxPricePerGpuHour.toFixed(0),
    maxBudget: maxBudget.toFixed(0),
    /** Pending offers: what the board and the public job page show. */
    offerCount: _count.offers,
  };
}

export const offerSelect = {
  id: true,
  jobId: true,
  providerId: true,
  status: true,
  pricePerGpuHour: true,
  earliestStart: true,
  note: true,
  createdAt: true,
  decidedAt: true,
  provider: { select: { address: true, displayName: true, reliability: true, completedRentals: true, failedRentals: true } },
  machine: {
    select: {
      id: true,
      gpuModel: true,
      gpuCount: true,
      vramGb: true,
      tflopsPerGpu: true,
      cpuCores: true,
      ramGb: true,
      diskGb: true,
      downloadMbps: true,
      country: true,
      city: true,
    },
  },
  job: { select: { title: true, status: true, gpuCount: true, estimatedHours: true, offerDeadline: true, orderId: true } },
} satisfies Prisma.OfferSelect;

type OfferRow = Prisma.OfferGetPayload<{ select: typeof offerSelect }>;

export function offerView(row: OfferRow, now = new Date()): OfferView {
  const price = baseUnitsOf(row.pricePerGpuHour);
  const { job, machine, pricePerGpuHour, ...rest } = row;
  void pricePerGpuHour;
  return {
    ...rest,
    pricePerGpuHour: price.toString(),
    /** What the buyer would pay: price x the job's GPUs x its estimated hours, base units. */
    total: (price * BigInt(job.gpuCount) * BigInt(job.estimatedHours)).toString(),
    machine: { ...machine, tflopsPerGpu: machine.tflopsPerGpu.toString() },
    job: {
      id: row.jobId,
      title: job.title,
      status: effectiveStatus(job, now),
      offerDeadline: job.offerDeadline,
      /** Only for an accepted offer: the order to pay and settle through. */
      orderId: row.status === "ACCEPTED" ? job.orderId : null,
    },
  };
}
