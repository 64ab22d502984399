/**
 * "Available now" in search and in every listing's DTO: what orders hold right now, read from the
 * listing's reserved-GPU copy (kept by lib/orders/server/capacity.ts), with holds that all ended
 * counting as free even before the sweep refreshes the copy.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { getListingForViewer } from "@/lib/listings/server/queries";
import { searchListings } from "@/lib/listings/server/search";
import { parseSearchParams, type SearchQuery } from "@/lib/listings/search-schema";
import { createOrder } from "@/lib/orders/server/create";
import { createMachine, createUser } from "@/test/factories";
import { callerFor } from "@/test/payments";

function query(qs: string): SearchQuery {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.query;
}

describe("available now", () => {
  it("filters out machines whose GPUs orders hold, and says when they free up", async () => {
    const provider = await createUser();
    const buyer = await createUser();
    const region = "YV";
    const free = await createMachine(provider.id, { country: region, gpuCount: 2 });
    const taken = await createMachine(provider.id, { country: region, gpuCount: 2 });
    const split = await createMachine(provider.id, { country: region, gpuCount: 4, splittable: true });
    const lapsed = await createMachine(provider.id, {
      country: region,
      gpuCount: 1,
      gpusReserved: 1,
      reservedUntil: new Date(Date.now() - 1_000),
    });
    await createOrder(callerFor(buyer), { listingId: taken.id, hours: 2 });
    await createOrder(callerFor(buyer), { listingId: split.id, hours: 2, gpus: 3 });

    const ids = async (qs: string) => (await searchListings(query(`region=${region}&${qs}`))).items.map((i) => i.id).sort();
    expect(await ids("availableNow=1")).toEqual([free.id, split.id, lapsed.id].sort());
    // At least two free GPUs: the split machine has only one left.
    expect(await ids("availableNow=1&minGpus=2")).toEqual([free.id]);
    expect(await ids("availableNow=0")).toHaveLength(4);

    const items = new Map((await searchListings(query(`region=${region}`))).items.map((i) => [i.id, i.availability]));
    expect(items.get(free.id)).toEqual({ splittable: false, gpusFree: 2, freesAt: null });
    expect(items.get(lapsed.id)).toEqual({ splittable: false, gpusFree: 1, freesAt: null });
    const held = await db.order.findFirstOrThrow({ where: { listingId: taken.id }, select: { holdExpiresAt: true } });
    expect(items.get(taken.id)).toEqual({ splittable: false, gpusFree: 0, freesAt: held.holdExpiresAt!.toISOString() });
    expect(items.get(split.id)).toMatchObject({ splittable: true, gpusFree: 1 });
    // The listing page reads the same shape.
    expect((await getListingForViewer(taken.id, null))?.availability).toEqual(items.get(taken.id));
  });

  it("refuses a value other than 1 or 0, naming the parameter", () => {
    const parsed = parseSearchParams(new URLSearchParams("availableNow=maybe"));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors).toEqual({ availableNow: ["must be 1 or 0"] });
  });
});
