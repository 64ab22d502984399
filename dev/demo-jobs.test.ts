import { describe, expect, it } from "vitest";
import { fromBaseUnits, baseUnitsOf } from "@/lib/core/money";
import { db } from "@/lib/core/server/db";
import { seedDemoJobs } from "@/dev/demo-jobs";
import { jobInputSchema } from "@/lib/jobs/schema";
import { createUser } from "@/test/factories";
import { matchingProvider } from "@/test/jobs";

describe("demo jobs", () => {
  it("are valid job inputs, and the first gets an offer from a matching machine", async () => {
    const buyer = await createUser();
    await matchingProvider({ gpuModel: "A100-SXM-80", vramGb: 80, gpuCount: 8, country: "US" });
    await db.$transaction((tx) => seedDemoJobs(tx, buyer.id));
    const jobs = await db.job.findMany({ where: { buyerId: buyer.id }, orderBy: { createdAt: "asc" }, include: { offers: true } });
    expect(jobs.map((j) => j.status)).toEqual(["OPEN", "OPEN", "OPEN", "DRAFT"]);
    for (const j of jobs) {
      const result = jobInputSchema.safeParse({ ...j, maxPricePerGpuHour: fromBaseUnits(baseUnitsOf(j.maxPricePerGpuHour)) });
      expect(result.error?.issues ?? [], j.title).toEqual([]);
    }
    expect(jobs[0]?.offers).toHaveLength(1);
    expect((await db.notification.findMany({ where: { userId: buyer.id } })).map((n) => n.kind)).toEqual(["offer.new"]);
  });
});
