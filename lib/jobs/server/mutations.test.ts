import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { cancelJob, createJob, publishJob, updateJob } from "@/lib/jobs/server/mutations";
import { acceptOffer } from "@/lib/jobs/server/offers";
import { jobInputSchema, jobPatchSchema } from "@/lib/jobs/schema";
import { createUser } from "@/test/factories";
import { jobForm, matchingProvider, noticesOf, offerOn, openJob } from "@/test/jobs";
import { callerFor } from "@/test/payments";

const patch = (p: Record<string, unknown>) => jobPatchSchema.parse(p);

describe("posting and editing a job", () => {
  it("saves a draft with its budget, then publishes it", async () => {
    const buyer = await createUser();
    const draft = await createJob(callerFor(buyer), jobInputSchema.parse(jobForm()));
    expect(draft).toMatchObject({ status: "DRAFT", publishedAt: null, buyerId: buyer.id });
    // 2.00 per GPU-hour x 2 GPUs x 3 hours.
    expect(draft.maxBudget.toFixed(0)).toBe("12000000");
    const published = await publishJob(callerFor(buyer), draft.id);
    expect(published.status).toBe("OPEN");
    expect(published.publishedAt).toBeInstanceOf(Date);
    await expect(publishJob(callerFor(buyer), draft.id)).rejects.toMatchObject({ status: 409, code: "invalid_transition" });
  });

  it("refuses publishing someone else's job, and hides someone else's draft", async () => {
    const buyer = await createUser();
    const other = await createUser();
    const draft = await createJob(callerFor(buyer), jobInputSchema.parse(jobForm()));
    await expect(publishJob(callerFor(other), draft.id)).rejects.toMatchObject({ status: 404 });
    const { job } = await openJob();
    await expect(updateJob(callerFor(other), job.id, patch({ title: "Mine now" }))).rejects.toMatchObject({ status: 403 });
    await expect(cancelJob(callerFor(other), job.id)).rejects.toMatchObject({ status: 403 });
    await expect(publishJob(callerFor(other), "no-such-job")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses to publish a draft whose deadline has passed", async () => {
    const buyer = await createUser();
    const draft = await createJob(callerFor(buyer), jobInputSchema.parse(jobForm()));
    await db.job.update({ where: { id: draft.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });
    await expect(publishJob(callerFor(buyer), draft.id)).rejects.toMatchObject({ status: 409, code: "deadline_passed" });
  });

  it("recomputes the budget on edit and re-checks VRAM against the stored models", async () => {
    const { buyer, job } = await openJob();
    const edited = await updateJob(callerFor(buyer), job.id, patch({ estimatedHours: "10" }));
    expect(edited.maxBudget.toFixed(0)).toBe("40000000");
    await expect(updateJob(callerFor(buyer), job.id, patch({ minVramGb: "48" }))).rejects.toMatchObject({
      status: 400,
      fieldErrors: { minVramGb: [expect.stringMatching(/None of the chosen GPU models/)] },
    });
  });

  it("keeps pending offers that still qualify and declines those that do not, telling their providers", async () => {
    const { buyer, job } = await openJob({ gpuModels: [], minVramGb: "24" });
    const small = await matchingProvider({ gpuModel: "RTX-4090" });
    const big = await matchingProvider({ gpuModel: "A100-SXM-80", vramGb: 80 });
    const cheap = await offerOn(job.id, small, "1.00");
    const pricey = await offerOn(job.id, big, "1.90");
    await updateJob(callerFor(buyer), job.id, patch({ description: "typo fixed" }));
    expect((await db.offer.findMany({ where: { id: { in: [cheap.id, pricey.id] } } })).map((o) => o.status)).toEqual([
      "PENDING",
      "PENDING",
    ]);

    await updateJob(callerFor(buyer), job.id, patch({ minVramGb: "40", maxPricePerGpuHour: "1.95" }));
    expect((await db.offer.findUniqueOrThrow({ where: { id: cheap.id } })).status).toBe("DECLINED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: pricey.id } })).status).toBe("PENDING");
    expect(await noticesOf(small.provider.id)).toEqual([
      { kind: "offer.declined", params: expect.objectContaining({ reason: "requirements_changed" }), href: `/jobs/${job.id}` },
    ]);
    expect(await noticesOf(big.provider.id)).toEqual([]);
  });

  it("refuses editing and cancelling after an offer is paid for, and editing once accepted", async () => {
    const { buyer, job } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    await acceptOffer(callerFor(buyer), offer.id);
    await expect(updateJob(callerFor(buyer), job.id, patch({ title: "Changed my mind" }))).rejects.toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
    const accepted = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    await db.order.update({ where: { id: accepted.orderId! }, data: { status: "FUNDED" } });
    await expect(cancelJob(callerFor(buyer), job.id)).rejects.toMatchObject({ status: 409 });
  });

  it("cancels an open job and declines its pending offers", async () => {
    const { buyer, job } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    expect((await cancelJob(callerFor(buyer), job.id)).status).toBe("CANCELLED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("DECLINED");
    expect((await noticesOf(p.provider.id)).map((n) => n.kind)).toEqual(["offer.declined"]);
    await expect(cancelJob(callerFor(buyer), job.id)).rejects.toMatchObject({ status: 409 });
  });

  it("cancels an accepted job whose order is unpaid, with its order", async () => {
    const { buyer, job } = await openJob();
    const offer = await offerOn(job.id, await matchingProvider());
    const { orderId } = await acceptOffer(callerFor(buyer), offer.id);
    await cancelJob(callerFor(buyer), job.id);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("CANCELLED");
  });

  it("refuses editing an open job past its deadline even before the sweep", async () => {
    const { buyer, job } = await openJob();
    await db.job.update({ where: { id: job.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });
    await expect(updateJob(callerFor(buyer), job.id, patch({ title: "Too late" }))).rejects.toMatchObject({
      status: 409,
      code: "job_expired",
    });
  });
});
