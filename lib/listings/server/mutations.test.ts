/** The server functions behind the lifecycle, called directly as the admin console and payments will. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { approveListing, changeStatus, createListing, rejectListing, updateListing } from "@/lib/listings/server/mutations";
import { createListingSchema } from "@/lib/listings/schema";
import { createMachine, createUser } from "@/test/factories";

const input = createListingSchema.parse({
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

describe("approveListing", () => {
  it("lets an admin take a submitted listing live and records the review time", async () => {
    const owner = await createUser();
    const admin = await createUser({ roles: ["ADMIN"] });
    const listing = await createListing({ userId: owner.id, isAdmin: false }, input, { submit: true });
    expect(listing).toMatchObject({ status: "PENDING_REVIEW", vramGb: 48 });
    expect(listing.submittedAt).toBeInstanceOf(Date);

    const approved = await approveListing({ userId: admin.id, isAdmin: true }, listing.id);
    expect(approved.status).toBe("LIVE");
    expect(approved.reviewedAt).toBeInstanceOf(Date);
  });

  it("refuses non-admins, including the owner, and listings that are not in review", async () => {
    const owner = await createUser();
    const draft = await createListing({ userId: owner.id, isAdmin: false }, input);
    await expect(approveListing({ userId: owner.id, isAdmin: false }, draft.id)).rejects.toMatchObject({ status: 403 });
    await expect(approveListing({ userId: owner.id, isAdmin: true }, draft.id)).rejects.toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
    await expect(approveListing({ userId: owner.id, isAdmin: true }, "no-such-listing")).rejects.toMatchObject({ status: 404 });
  });

  it("a rejection keeps its reason until the owner resubmits", async () => {
    const owner = await createUser();
    const admin = { userId: (await createUser({ roles: ["ADMIN"] })).id, isAdmin: true };
    const ownerActor = { userId: owner.id, isAdmin: false };
    const { id } = await createListing(ownerActor, input, { submit: true });
    await rejectListing(admin, id, "Photos of the rack please");
    await updateListing(ownerActor, id, { description: "Rack photos in the description" });
    expect(await db.machine.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REJECTED",
      rejectionReason: "Photos of the rack please",
    });
    expect(await changeStatus(ownerActor, id, { action: "submit" })).toMatchObject({ status: "PENDING_REVIEW", rejectionReason: null });
  });

  it("a hardware edit of a paused listing also needs a new review, so it cannot simply resume", async () => {
    const owner = await createUser();
    const actor = { userId: owner.id, isAdmin: false };
    const machine = await createMachine(owner.id, { status: "PAUSED" });
    const { sentToReview, listing } = await updateListing(actor, machine.id, { ramGb: 256 });
    expect({ sentToReview, status: listing.status }).toEqual({ sentToReview: true, status: "PENDING_REVIEW" });
    await expect(changeStatus(actor, machine.id, { action: "resume" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("moderation cannot be bypassed by editing an approved listing", () => {
  it("a price change of a live listing goes back to review, so a near-free price is seen by an admin first", async () => {
    const owner = await createUser();
    const machine = await createMachine(owner.id, { status: "LIVE", pricePerGpuHour: "1850000" });
    const { sentToReview, listing } = await updateListing({ userId: owner.id, isAdmin: false }, machine.id, { pricePerGpuHour: 1n });
    expect({ sentToReview, status: listing.status, price: listing.pricePerGpuHour.toFixed(0) }).toEqual({
      sentToReview: true,
      status: "PENDING_REVIEW",
      price: "1",
    });
    const history = await db.listingStatusChange.findMany({ where: { machineId: machine.id }, select: { status: true } });
    expect(history.map((h) => h.status)).toContain("PENDING_REVIEW");
  });

  it("a description change of a live or paused listing goes back to review", async () => {
    const owner = await createUser();
    const actor = { userId: owner.id, isAdmin: false };
    for (const status of ["LIVE", "PAUSED"] as const) {
      const machine = await createMachine(owner.id, { status, description: "8x H100, NVLink" });
      const { sentToReview, listing } = await updateListing(actor, machine.id, { description: "Pay me off-platform: t.me/cheapgpus" });
      expect({ sentToReview, status: listing.status }).toEqual({ sentToReview: true, status: "PENDING_REVIEW" });
    }
  });

  it("rental hours, and a price or description sent unchanged, keep the listing live", async () => {
    const owner = await createUser();
    const machine = await createMachine(owner.id, { status: "LIVE", pricePerGpuHour: "1850000", description: "fast" });
    const { sentToReview, listing } = await updateListing({ userId: owner.id, isAdmin: false }, machine.id, {
      maxHours: 48,
      pricePerGpuHour: 1_850_000n,
      description: "fast",
    });
    expect({ sentToReview, status: listing.status, maxHours: listing.maxHours }).toEqual({
      sentToReview: false,
      status: "LIVE",
      maxHours: 48,
    });
  });
});
