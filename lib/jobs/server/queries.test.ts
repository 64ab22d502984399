import { describe, expect, it } from "vitest";
import { fromBaseUnits } from "@/lib/core/money";
import { db } from "@/lib/core/server/db";
import { getJobForViewer, jobsForBuyer, matchingJobsForProvider, searchJobs } from "@/lib/jobs/server/queries";
import { createUser } from "@/test/factories";
import { matchingProvider, offerOn, openJob } from "@/test/jobs";
import { callerFor } from "@/test/payments";
import { decodeJobCursor, parseJobSearchParams, type JobSearch } from "@/lib/jobs/board-search";

/** Jobs whose budgets lie in a band no other test uses, so the board shows only these. */
async function band(n: number) {
  const base = 3_000_000n + BigInt(Math.floor(Math.random() * 900_000)) * 10n;
  const jobs = [];
  for (let i = 0; i < n; i++) {
    const price = fromBaseUnits(base + BigInt(i), 6, 6);
    jobs.push(
      (await openJob({ maxPricePerGpuHour: price, gpuCount: "1", estimatedHours: "1", gpuModels: [], minVramGb: "16", regions: [] })).job,
    );
  }
  const filter = (extra: string) => {
    const parsed = parseJobSearchParams(
      new URLSearchParams(`minBudget=${fromBaseUnits(base, 6, 6)}&maxBudget=${fromBaseUnits(base + BigInt(n), 6, 6)}&${extra}`),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.query;
  };
  return { jobs, filter };
}

async function allPages(query: JobSearch) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const decoded = cursor ? decodeJobCursor(cursor, query.sort) : undefined;
    if (typeof decoded === "string") throw new Error(decoded);
    const page = await searchJobs({ ...query, cursor: decoded });
    ids.push(...page.items.map((j) => j.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("searchJobs", () => {
  it("pages through every sort without gaps or repeats", async () => {
    const { jobs, filter } = await band(5);
    const byBudget = await allPages(filter("sort=budget&limit=2"));
    expect(byBudget).toEqual([...jobs].reverse().map((j) => j.id));
    const byNewest = await allPages(filter("sort=newest&limit=2"));
    expect([...byNewest].sort()).toEqual(jobs.map((j) => j.id).sort());
    const byDeadline = await allPages(filter("sort=deadline&limit=3"));
    expect(byDeadline).toHaveLength(5);
  });

  it("shows neither drafts nor jobs past their deadline, even before the sweep", async () => {
    const { jobs, filter } = await band(3);
    await db.job.update({ where: { id: jobs[0]!.id }, data: { status: "DRAFT" } });
    await db.job.update({ where: { id: jobs[1]!.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });
    expect((await searchJobs(filter(""))).items.map((j) => j.id)).toEqual([jobs[2]!.id]);
    expect(await getJobForViewer(jobs[1]!.id, null)).toMatchObject({ status: "EXPIRED" });
  });

  it("treats empty model and region lists as 'any' and VRAM as what the provider's GPU has", async () => {
    const { jobs, filter } = await band(2);
    await db.job.update({ where: { id: jobs[0]!.id }, data: { gpuModels: ["H100-SXM"], regions: ["FI"], minVramGb: 80 } });
    const ids = async (q: string) => (await searchJobs(filter(q))).items.map((j) => j.id).sort();
    expect(await ids("gpuModel=H100-SXM")).toEqual(jobs.map((j) => j.id).sort());
    expect(await ids("gpuModel=L4")).toEqual([jobs[1]!.id]);
    expect(await ids("region=DE")).toEqual([jobs[1]!.id]);
    expect(await ids("minVram=24")).toEqual([jobs[1]!.id]);
    expect(await ids("minVram=80&region=FI")).toEqual(jobs.map((j) => j.id).sort());
  });
});

describe("job visibility and lists", () => {
  it("shows a draft only to its buyer and admins", async () => {
    const { buyer, job } = await openJob();
    await db.job.update({ where: { id: job.id }, data: { status: "DRAFT" } });
    expect(await getJobForViewer(job.id, null)).toBeNull();
    expect(await getJobForViewer(job.id, callerFor(await createUser()))).toBeNull();
    expect(await getJobForViewer(job.id, callerFor(buyer))).toMatchObject({ viewerRole: "buyer", status: "DRAFT" });
    expect(await getJobForViewer(job.id, { userId: "someone", isAdmin: true })).toMatchObject({ viewerRole: "admin" });
    expect((await jobsForBuyer(buyer.id)).map((j) => j.id)).toEqual([job.id]);
  });

  it("matching jobs: only open jobs of others that one of the provider's live machines satisfies, with those machines", async () => {
    const p = await matchingProvider({ gpuModel: "RTX-4090", gpuCount: 2, country: "DE" });
    const paused = await matchingProvider({ gpuModel: "L40S", vramGb: 48, gpuCount: 2, country: "DE", status: "PAUSED" }, p.provider);
    const { job: fits } = await openJob({ gpuModels: ["RTX-4090"], minVramGb: "24", regions: ["DE"] });
    const { job: tooBig } = await openJob({ gpuModels: [], minVramGb: "48", regions: ["DE"] });
    const { job: own } = await openJob({}, p.provider);
    const { job: offered } = await openJob({});
    const offer = await offerOn(offered.id, p);
    const result = await matchingJobsForProvider(p.provider.id);
    const ids = result.map((r) => r.job.id);
    expect(ids).toContain(fits.id);
    expect(ids).not.toContain(tooBig.id);
    expect(ids).not.toContain(own.id);
    expect(result.find((r) => r.job.id === fits.id)?.machines.map((m) => m.id)).toEqual([p.machine.id]);
    expect(result.find((r) => r.job.id === offered.id)?.myOfferId).toBe(offer.id);
    expect(result.flatMap((r) => r.machines.map((m) => m.id))).not.toContain(paused.machine.id);
  });
});
