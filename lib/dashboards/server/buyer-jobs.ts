import "server-only";
/**
 * The buyer's training jobs that are still moving, with a status timeline: each step with the time
 * it happened, from the timestamps the job and its order keep. Steps not reached yet have no time.
 */
import type { JobStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";

const finished: JobStatus[] = ["PAID", "RESOLVED", "REFUNDED", "CANCELLED", "EXPIRED"];

export interface TimelineStep {
  step: "created" | "published" | "funded" | "completed" | "settled";
  at: Date | null;
}

export async function activeJobs(buyerId: string, take = 20) {
  const jobs = await db.job.findMany({
    where: { buyerId, status: { notIn: finished } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      publishedAt: true,
      completedAt: true,
      order: { select: { id: true, fundedAt: true, settledAt: true } },
    },
  });
  return jobs.map((j) => ({
    id: j.id,
    title: j.title,
    status: j.status,
    orderId: j.order?.id ?? null,
    timeline: [
      { step: "created", at: j.createdAt },
      { step: "published", at: j.publishedAt },
      { step: "funded", at: j.order?.fundedAt ?? null },
      { step: "completed", at: j.completedAt },
      { step: "settled", at: j.order?.settledAt ?? null },
    ] satisfies TimelineStep[] as TimelineStep[],
  }));
}
