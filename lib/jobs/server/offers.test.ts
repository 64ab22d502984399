import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { acceptOffer, withdrawOffer } from "@/lib/jobs/server/offers";
import { createUser } from "@/test/factories";
import { matchingProvider, noticesOf, offerOn, openJob } from "@/test/jobs";
import { callerFor } from "@/test/payments";

describe("making offers", () => {
  it("offers with one's own matching machine and tells the buyer", async () => {
    const { buyer, job } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p, "1.75");
    expect(offer).toMatchObject({ status: "PENDING", providerId: p.provider.id, machineId: p.machine.id });
    expect(offer.pricePerGpuHour.toFixed(0)).toBe("1750000");
    expect(await noticesOf(buyer.id)).toEqual([
      { kind: "offer.new", params: expect.objectContaining({ offerId: offer.id, pricePerGpuHour: "1750000" }), href: `/jobs/${job.id}` },
    ]);
  });

  it("refuses an offer above the job's maximum price, naming the price", async () => {
    const { job } = await openJob({ maxPricePerGpuHour: "2.00" });
    await expect(offerOn(job.id, await matchingProvider(), "2.000001")).rejects.toMatchObject({
      status: 400,
      fieldErrors: { pricePerGpuHour: ["must be at most the job's maximum of 2.00 per GPU-hour"] },
    });
  });

  it("refuses an offer on one's own job", async () => {
    const { buyer, job } = await openJob();
    const own = await matchingProvider({}, buyer);
    await expect(offerOn(job.id, own)).rejects.toMatchObject({ status: 403, code: "own_job" });
  });

  it("refuses a machine that is not the caller's, or that does not match", async () => {
    const { job } = await openJob();
    const p = await matchingProvider();
    const stranger = await createUser();
    await expect(offerOn(job.id, { provider: stranger, machine: p.machine })).rejects.toMatchObject({
      status: 403,
      code: "not_your_machine",
    });
    const single = await matchingProvider({ gpuCount: 1 });
    await expect(offerOn(job.id, single)).rejects.toMatchObject({
      status: 400,
      fieldErrors: { machineId: [expect.stringMatching(/1 GPU, the job needs 2/)] },
    });
    const paused = await matchingProvider({ status: "PAUSED" });
    await expect(offerOn(job.id, paused)).rejects.toMatchObject({
      status: 400,
      fieldErrors: { machineId: [expect.stringMatching(/paused/)] },
    });
    const elsewhere = await matchingProvider({ country: "US" });
    await expect(offerOn(job.id, elsewhere)).rejects.toMatchObject({ status: 400 });
  });

  it("refuses an offer after the deadline, on a draft, and a second pending offer", async () => {
    const { job } = await openJob();
    const p = await matchingProvider();
    await offerOn(job.id, p);
    await expect(offerOn(job.id, p)).rejects.toMatchObject({ status: 409, code: "offer_exists" });
    await db.job.update({ where: { id: job.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });
    await expect(offerOn(job.id, await matchingProvider())).rejects.toMatchObject({ status: 409, code: "job_not_open" });
    const draft = await db.job.update({ where: { id: (await openJob()).job.id }, data: { status: "DRAFT" } });
    await expect(offerOn(draft.id, p)).rejects.toMatchObject({ status: 404 });
  });

  it("lets the provider withdraw until accepted, and nobody else", async () => {
    const { buyer, job } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    await expect(withdrawOffer(callerFor(buyer), offer.id)).rejects.toMatchObject({ status: 403 });
    await expect(withdrawOffer(callerFor(await createUser()), offer.id)).rejects.toMatchObject({ status: 404 });
    expect((await withdrawOffer(callerFor(p.provider), offer.id)).status).toBe("WITHDRAWN");
    // A withdrawn offer frees the slot for a new one.
    const again = await offerOn(job.id, p);
    await acceptOffer(callerFor(buyer), again.id);
    await expect(withdrawOffer(callerFor(p.provider), again.id)).rejects.toMatchObject({ status: 409 });
  });
});

describe("accepting an offer", () => {
  it("accepts one offer, declines the others, tells everyone and creates the order for price x GPUs x hours", async () => {
    const { buyer, job } = await openJob({ estimatedHours: "5", gpuCount: "2" });
    const winner = await matchingProvider({ gpuCount: 4 });
    const loser = await matchingProvider();
    const chosen = await offerOn(job.id, winner, "1.25");
    const other = await offerOn(job.id, loser, "1.10");

    const { jobId, orderId } = await acceptOffer(callerFor(buyer), chosen.id);
    expect(jobId).toBe(job.id);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({
      listingId: winner.machine.id,
      buyerId: buyer.id,
      providerId: winner.provider.id,
      gpuCount: 2,
      hours: 5,
      status: "PENDING_PAYMENT",
    });
    expect(order.amount.toFixed(0)).toBe("12500000");
    expect(order.escrowId).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, orderId: true } })).toEqual({
      status: "ACCEPTED",
      orderId,
    });
    expect((await db.offer.findUniqueOrThrow({ where: { id: chosen.id } })).status).toBe("ACCEPTED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("DECLINED");
    expect((await noticesOf(winner.provider.id)).map((n) => n.kind)).toEqual(["offer.accepted"]);
    expect(await noticesOf(loser.provider.id)).toEqual([
      { kind: "offer.declined", params: expect.objectContaining({ reason: "other_offer_accepted" }), href: `/jobs/${job.id}` },
    ]);
  });

  it("refuses accepting twice, another offer afterwards, and accepting by anyone but the buyer", async () => {
    const { buyer, job } = await openJob();
    const pa = await matchingProvider();
    const a = await offerOn(job.id, pa);
    const pb = await matchingProvider();
    const b = await offerOn(job.id, pb);
    await expect(acceptOffer(callerFor(pa.provider), a.id)).rejects.toMatchObject({ status: 403 });
    // Another provider cannot see someone else's offer at all.
    await expect(acceptOffer(callerFor(pb.provider), a.id)).rejects.toMatchObject({ status: 404 });
    await expect(acceptOffer(callerFor(await createUser()), a.id)).rejects.toMatchObject({ status: 404 });
    await acceptOffer(callerFor(buyer), a.id);
    await expect(acceptOffer(callerFor(buyer), a.id)).rejects.toMatchObject({ status: 409 });
    await expect(acceptOffer(callerFor(buyer), b.id)).rejects.toMatchObject({ status: 409 });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
  });

  it("under concurrent accepts of two offers, exactly one wins", async () => {
    const { buyer, job } = await openJob();
    const a = await offerOn(job.id, await matchingProvider());
    const b = await offerOn(job.id, await matchingProvider());
    const results = await Promise.allSettled([
      acceptOffer(callerFor(buyer), a.id),
      acceptOffer(callerFor(buyer), b.id),
      acceptOffer(callerFor(buyer), a.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 409 });
    expect(await db.offer.count({ where: { jobId: job.id, status: "ACCEPTED" } })).toBe(1);
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
  });

  it("refuses an offer whose machine was paused after it was made", async () => {
    const { buyer, job } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    await db.machine.update({ where: { id: p.machine.id }, data: { status: "PAUSED" } });
    await expect(acceptOffer(callerFor(buyer), offer.id)).rejects.toMatchObject({ status: 409, code: "offer_no_longer_matches" });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("OPEN");
  });

  it("the partial unique index refuses a second accepted offer even without the application's checks", async () => {
    const { job } = await openJob();
    const a = await offerOn(job.id, await matchingProvider());
    const b = await offerOn(job.id, await matchingProvider());
    await db.offer.update({ where: { id: a.id }, data: { status: "ACCEPTED" } });
    await expect(db.offer.update({ where: { id: b.id }, data: { status: "ACCEPTED" } })).rejects.toMatchObject({ code: "P2002" });
  });
});
