/**
 * Reliability is weighted by rental value and ignores rentals under the minimum, so near-free
 * self-rentals cannot farm a score; it follows each order's outcome both ways, so a settlement that a
 * reorg takes back stops counting.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { syncRentalOutcome, type RentalOutcome } from "@/lib/listings/server/reliability";
import { weightedReliabilityScore } from "@/lib/listings/reliability";
import { createOrder } from "@/lib/orders/server/create";
import { createMachine, createUser } from "@/test/factories";
import { callerFor } from "@/test/payments";

const usdc = (whole: number) => BigInt(Math.round(whole * 1e6));

/** An order of `hours` on a 1-GPU listing priced at `price` tUSDC per hour, settled with `outcome`. */
async function settled(provider: { id: string }, price: string, hours: number, outcome: RentalOutcome | null) {
  const buyer = await createUser();
  const machine = await createMachine(provider.id, { pricePerGpuHour: price, gpuCount: 1 });
  const id = await createOrder(callerFor(buyer), { listingId: machine.id, hours });
  await db.$transaction((tx) => syncRentalOutcome(tx, id, provider.id, outcome));
  return id;
}

const scoreOf = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { reliability: true, completedRentals: true, failedRentals: true } });

describe("weightedReliabilityScore", () => {
  it("starts at 80 and moves by the value of each rental", () => {
    const prior = usdc(25);
    expect(weightedReliabilityScore(0n, 0n, prior)).toBe(80);
    expect(weightedReliabilityScore(usdc(25), 0n, prior)).toBe(83);
    expect(weightedReliabilityScore(0n, usdc(25), prior)).toBe(67);
    // One big failure outweighs many small successes.
    expect(weightedReliabilityScore(usdc(100), usdc(1000), prior)).toBe(16);
  });
});

describe("stored reliability", () => {
  it("leaves rentals under the minimum value out entirely: a string of near-free self-rentals buys nothing", async () => {
    const provider = await createUser();
    for (let i = 0; i < 8; i++) await settled(provider, "10000", 1, "completed"); // 0.01 tUSDC each
    expect(await scoreOf(provider.id)).toEqual({ reliability: 80, completedRentals: 0, failedRentals: 0 });
  });

  it("weights counted rentals by amount", async () => {
    const provider = await createUser();
    await settled(provider, "5000000", 2, "completed"); // 10 tUSDC
    expect(await scoreOf(provider.id)).toEqual({
      reliability: weightedReliabilityScore(usdc(10), 0n, usdc(25)),
      completedRentals: 1,
      failedRentals: 0,
    });
    await settled(provider, "50000000", 20, "failed"); // 1,000 tUSDC
    const after = await scoreOf(provider.id);
    expect(after).toEqual({ reliability: weightedReliabilityScore(usdc(10), usdc(1000), usdc(25)), completedRentals: 1, failedRentals: 1 });
    expect(after.reliability).toBeLessThan(15);
    // The listings carry the same score for the marketplace filter.
    const listings = await db.machine.findMany({ where: { providerId: provider.id }, select: { providerReliability: true } });
    expect(new Set(listings.map((l) => l.providerReliability))).toEqual(new Set([after.reliability]));
  });

  it("takes an outcome back when the order leaves its final state (a reorg)", async () => {
    const provider = await createUser();
    const id = await settled(provider, "10000000", 10, "completed"); // 100 tUSDC
    expect((await scoreOf(provider.id)).completedRentals).toBe(1);
    await db.$transaction((tx) => syncRentalOutcome(tx, id, provider.id, null));
    expect(await scoreOf(provider.id)).toEqual({ reliability: 80, completedRentals: 0, failedRentals: 0 });
  });
});
