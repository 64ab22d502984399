import { describe, expect, it } from "vitest";
import { computeMarketStats, getMarketStats } from "@/lib/listings/server/market-stats";
import { createMachine, createUser } from "@/test/factories";

// The database is shared with other test files, so this test measures what its own rows change.
describe("computeMarketStats", () => {
  it("counts only live listings of providers who are not banned", async () => {
    const before = await computeMarketStats();
    const provider = await createUser();
    const banned = await createUser({ banned: true, bannedReason: "fraud" });
    await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8, pricePerGpuHour: "3" });
    await createMachine(provider.id, { gpuModel: "H100-PCIE", gpuCount: 2, pricePerGpuHour: "2" });
    await createMachine(provider.id, { gpuModel: "RTX-4090", gpuCount: 4, pricePerGpuHour: "1" });
    // None of these may count, although each is cheaper than every H100 above.
    for (const status of ["DRAFT", "PENDING_REVIEW", "PAUSED", "REJECTED", "SUSPENDED", "ARCHIVED"] as const) {
      await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8, pricePerGpuHour: "1", status });
    }
    await createMachine(banned.id, { gpuModel: "H100-NVL", gpuCount: 2, pricePerGpuHour: "1" });

    const after = await computeMarketStats();
    expect(after.liveListings - before.liveListings).toBe(3);
    expect(after.gpusAvailable - before.gpusAvailable).toBe(14);
    expect(after.cheapestH100).toBe(2n);
  });
});

describe("getMarketStats", () => {
  it("answers from figures at most LANDING_STATS_FRESH_SECONDS (30) old, and from the older ones while a refresh runs", async () => {
    const t0 = Date.now() + 3_600_000;
    const first = await getMarketStats(t0);
    const provider = await createUser();
    await createMachine(provider.id, { gpuCount: 3 });
    // Within 30 s the landing page does not aggregate again.
    expect(await getMarketStats(t0 + 29_000)).toBe(first);
    // Past them the stale figures answer at once while the new ones are computed in the background.
    expect(await getMarketStats(t0 + 31_000)).toBe(first);
    await expect.poll(async () => (await getMarketStats(Date.now() + 3_600_000 + 31_000)).liveListings).toBe(first.liveListings + 1);
  });

  it("counts GPUs that orders hold as not available", async () => {
    const before = await computeMarketStats();
    const provider = await createUser();
    await createMachine(provider.id, { gpuCount: 4, gpusReserved: 3 });
    expect((await computeMarketStats()).gpusAvailable - before.gpusAvailable).toBe(1);
  });
});
