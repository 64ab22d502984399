/** Open rentals for each side, per-machine history, and the buyer's jobs with their timelines. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { activeJobs } from "@/lib/dashboards/server/buyer-jobs";
import { machineHistory, openRentals } from "@/lib/dashboards/server/rentals";
import { orderIn } from "@/test/dashboards";
import { createMachine, createUser } from "@/test/factories";
import { openJob } from "@/test/jobs";

describe("openRentals and machineHistory", () => {
  it("shows funded orders as upcoming, running ones as active, and nothing settled or of someone else", async () => {
    const [provider, buyer, otherBuyer] = await Promise.all([createUser(), createUser(), createUser()]);
    const machine = await createMachine(provider.id, { pricePerGpuHour: "1000000" });
    const spare = await createMachine(provider.id, { pricePerGpuHour: "2000000" });
    const upcoming = await orderIn(buyer, machine.id, "FUNDED", { fundedAt: "2026-03-01T10:00:00Z" });
    const active = await orderIn(buyer, machine.id, "ACTIVE", { fundedAt: "2026-03-01T09:00:00Z" });
    const theirs = await orderIn(otherBuyer, machine.id, "COMPLETED", { fundedAt: "2026-03-01T08:00:00Z" });
    await orderIn(buyer, machine.id, "PAID", { fundedAt: "2026-02-01T10:00:00Z", settledAt: "2026-02-02T10:00:00Z" });
    await orderIn(buyer, machine.id, "PENDING_PAYMENT");

    const forProvider = await openRentals(provider.id, "provider");
    expect(forProvider.map((r) => [r.id, r.upcoming])).toEqual([
      [upcoming.order.id, true],
      [active.order.id, false],
      [theirs.order.id, false],
    ]);
    const forBuyer = await openRentals(buyer.id, "buyer");
    expect(forBuyer.map((r) => r.id)).toEqual([upcoming.order.id, active.order.id]);
    expect(forBuyer[0]!.amount).toBe(1_000_000n);

    const history = await machineHistory(provider.id, 3);
    expect(history.map((m) => [m.id, m.orderCount, m.orders.length])).toEqual([
      [machine.id, 5, 3],
      [spare.id, 0, 0],
    ]);
  });
});

describe("activeJobs", () => {
  it("lists the buyer's unfinished jobs with the steps reached so far", async () => {
    const buyer = await createUser();
    const { job } = await openJob({}, buyer);
    const { job: cancelled } = await openJob({}, buyer);
    await db.job.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });

    const jobs = await activeJobs(buyer.id);
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
    const steps = Object.fromEntries(jobs[0]!.timeline.map((s) => [s.step, s.at]));
    expect(steps.created).toBeInstanceOf(Date);
    expect(steps.published).toBeInstanceOf(Date);
    expect(steps.funded).toBeNull();
    expect(steps.settled).toBeNull();
    expect(await activeJobs((await createUser()).id)).toEqual([]);
  });
});
