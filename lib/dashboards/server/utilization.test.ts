/** Utilization maths on its own and over real rows with a fixed "now". */
import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { moderateListings } from "@/lib/admin/server/moderation";
import { db } from "@/lib/core/server/db";
import { liveInterval, liveIntervals, machineUtilization, overlapMs, perMille } from "@/lib/dashboards/server/utilization";
import { approveListing, changeStatus, createListing, updateListing } from "@/lib/listings/server/mutations";
import { createListingSchema } from "@/lib/listings/schema";
import { createMachine, createUser } from "@/test/factories";
import { orderIn } from "@/test/dashboards";

const H = 3_600_000;
const listingInput = createListingSchema.parse({
  gpuModel: "L40S",
  gpuCount: 4,
  cpuCores: 64,
  ramGb: 512,
  diskGb: 4000,
  uploadMbps: 2500,
  downloadMbps: 2500,
  country: "NL",
  city: "Amsterdam",
  cudaVersion: "12.4",
  driverVersion: "550.127",
  pricePerGpuHour: "0.87",
  minHours: 1,
  maxHours: 720,
});
const now = new Date("2026-03-31T00:00:00Z");

describe("utilization maths", () => {
  it("clips intervals to the window and keeps the ratio in whole per mille, capped at 100 %", () => {
    expect(overlapMs({ start: 0, end: 10 }, { start: 5, end: 20 })).toBe(5);
    expect(overlapMs({ start: 0, end: 5 }, { start: 5, end: 20 })).toBe(0);
    expect(overlapMs({ start: 6, end: 7 }, { start: 5, end: 20 })).toBe(1);
    expect(perMille(1 * H, 3 * H)).toBe(333);
    expect(perMille(2 * H, 3 * H)).toBe(666);
    expect(perMille(5 * H, 3 * H)).toBe(1000);
    expect(perMille(5 * H, 0)).toBe(0);
  });

  it("takes LIVE listings as available until now and others until their last change", () => {
    const base = { createdAt: new Date("2026-01-01T00:00:00Z"), updatedAt: new Date("2026-03-10T00:00:00Z") };
    expect(liveInterval({ ...base, status: "LIVE", reviewedAt: new Date("2026-03-20T00:00:00Z") }, now)).toEqual({
      start: Date.parse("2026-03-20T00:00:00Z"),
      end: now.getTime(),
    });
    expect(liveInterval({ ...base, status: "PAUSED", reviewedAt: null }, now)).toEqual({
      start: base.createdAt.getTime(),
      end: base.updatedAt.getTime(),
    });
    expect(liveInterval({ ...base, status: "PENDING_REVIEW", reviewedAt: null }, now)).toBeNull();
    expect(liveInterval({ ...base, status: "REJECTED", reviewedAt: new Date("2026-03-20T00:00:00Z") }, now)).toBeNull();
  });
});

describe("status history", () => {
  it("counts every span a listing spent LIVE, the current one until now", () => {
    const at = (iso: string) => new Date(iso);
    const history = [
      { status: "PENDING_REVIEW" as const, at: at("2026-03-01T00:00:00Z") },
      { status: "LIVE" as const, at: at("2026-03-02T00:00:00Z") },
      { status: "PAUSED" as const, at: at("2026-03-05T00:00:00Z") },
      { status: "LIVE" as const, at: at("2026-03-06T12:00:00Z") },
      { status: "PENDING_REVIEW" as const, at: at("2026-03-07T00:00:00Z") },
      { status: "LIVE" as const, at: at("2026-03-30T00:00:00Z") },
    ];
    expect(liveIntervals(history, now)).toEqual([
      { start: Date.parse("2026-03-02T00:00:00Z"), end: Date.parse("2026-03-05T00:00:00Z") },
      { start: Date.parse("2026-03-06T12:00:00Z"), end: Date.parse("2026-03-07T00:00:00Z") },
      { start: Date.parse("2026-03-30T00:00:00Z"), end: now.getTime() },
    ]);
    expect(liveIntervals([{ status: "DRAFT", at: at("2026-03-01T00:00:00Z") }], now)).toEqual([]);
  });

  it("is written by every status change, the owner's and the admin's, and read by utilization", async () => {
    const provider = await createUser();
    const adminUser = await createUser();
    const admin = {
      userId: adminUser.id,
      address: getAddress(adminUser.address),
      roles: ["ADMIN" as const],
      isAdmin: true,
      sessionId: "test",
    };
    const owner = { userId: provider.id, isAdmin: false };
    const listing = await createListing(owner, listingInput, { submit: true });
    await approveListing(admin, listing.id);
    await changeStatus(owner, listing.id, { action: "pause" });
    await changeStatus(owner, listing.id, { action: "resume" });
    await moderateListings(admin, { action: "suspend", ids: [listing.id], reason: "Benchmarks do not match the GPU" });
    await moderateListings(admin, { action: "reinstate", ids: [listing.id], reason: undefined });
    await updateListing(owner, listing.id, { gpuCount: listing.gpuCount + 1 });
    const history = await db.listingStatusChange.findMany({
      where: { machineId: listing.id },
      orderBy: { at: "asc" },
      select: { status: true },
    });
    expect(history.map((h) => h.status)).toEqual(["PENDING_REVIEW", "LIVE", "PAUSED", "LIVE", "SUSPENDED", "LIVE", "PENDING_REVIEW"]);

    // Placed in the window: LIVE 2 days, paused 1, LIVE 3 more, suspended 1, LIVE 1 more, then back in review.
    const times = ["2026-03-10", "2026-03-11", "2026-03-13", "2026-03-14", "2026-03-17", "2026-03-18", "2026-03-19"].map(
      (d) => `${d}T00:00:00Z`,
    );
    const rows = await db.listingStatusChange.findMany({ where: { machineId: listing.id }, orderBy: { at: "asc" }, select: { id: true } });
    for (const [i, row] of rows.entries())
      await db.listingStatusChange.update({ where: { id: row.id }, data: { at: new Date(times[i]!) } });
    const [row] = await machineUtilization(provider.id, now);
    expect(row).toMatchObject({ machineId: listing.id, availableHours: 6 * 24, bookedHours: 0 });
  });
});

describe("machineUtilization", () => {
  it("divides booked hours in the last 30 days by the hours the listing was live in them", async () => {
    const [provider, buyer] = await Promise.all([createUser(), createUser()]);
    // Approved 10 days before "now": 240 available hours in the window.
    const machine = await createMachine(provider.id, { pricePerGpuHour: "1000000" });
    await db.machine.update({ where: { id: machine.id }, data: { reviewedAt: new Date("2026-03-21T00:00:00Z") } });
    // 24 h inside, 10 h of which 6 h fall in the window (starts 4 h before it) ... and ones that must not count.
    await orderIn(buyer, machine.id, "PAID", { fundedAt: "2026-03-22T00:00:00Z", settledAt: "2026-03-23T06:00:00Z" }, 24);
    await orderIn(buyer, machine.id, "ACTIVE", { fundedAt: "2026-03-30T18:00:00Z" }, 10);
    await orderIn(buyer, machine.id, "FUNDED", { fundedAt: "2026-02-28T20:00:00Z" }, 10);
    await orderIn(buyer, machine.id, "REFUNDED", { fundedAt: "2026-03-25T00:00:00Z", settledAt: "2026-03-26T00:00:00Z" }, 48);
    await orderIn(buyer, machine.id, "PENDING_PAYMENT", {}, 48);
    const idle = await createMachine(provider.id, { status: "DRAFT" });

    const rows = await machineUtilization(provider.id, now);
    const row = rows.find((r) => r.machineId === machine.id)!;
    // 24 + 6 (ACTIVE, 18:00 to now) + 6 (FUNDED, window starts 2026-03-01T00:00) = 36 of 240 hours.
    expect(row).toMatchObject({ bookedHours: 36, availableHours: 240, perMille: 150 });
    expect(rows.find((r) => r.machineId === idle.id)).toMatchObject({ bookedHours: 0, availableHours: 0, perMille: 0 });
    expect(rows).toHaveLength(2);
  });
});
