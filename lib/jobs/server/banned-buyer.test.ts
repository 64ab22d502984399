/** A banned user's open jobs leave the board and providers' matching jobs, and take no new offers. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { makeOffer } from "@/lib/jobs/server/offers";
import { matchingJobsForProvider, searchJobs } from "@/lib/jobs/server/queries";
import { offerInputSchema } from "@/lib/jobs/schema";
import { matchingProvider, openJob } from "@/test/jobs";
import { callerFor } from "@/test/payments";
import { jobSearchSchema } from "@/lib/jobs/board-search";

const board = async (region: string) => (await searchJobs(jobSearchSchema.parse({ region, limit: "100" }))).items.map((j) => j.id);

describe("jobs of a banned buyer", () => {
  it("are on the board until the ban and back after an unban; providers see and offer on them only meanwhile", async () => {
    const region = "QB";
    const { job, buyer } = await openJob({ regions: [region] });
    const p = await matchingProvider({ country: region });
    expect(await board(region)).toContain(job.id);
    expect((await matchingJobsForProvider(p.provider.id)).map((m) => m.job.id)).toContain(job.id);

    await db.user.update({ where: { id: buyer.id }, data: { banned: true, bannedReason: "fraud" } });
    expect(await board(region)).not.toContain(job.id);
    expect((await matchingJobsForProvider(p.provider.id)).map((m) => m.job.id)).not.toContain(job.id);
    const offer = offerInputSchema.parse({
      jobId: job.id,
      machineId: p.machine.id,
      pricePerGpuHour: "1.50",
      earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await expect(makeOffer(callerFor(p.provider), offer)).rejects.toMatchObject({ status: 409, code: "job_not_open" });

    await db.user.update({ where: { id: buyer.id }, data: { banned: false, bannedReason: null } });
    expect(await board(region)).toContain(job.id);
  });
});
