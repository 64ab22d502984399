import { describe, expect, it } from "vitest";
import { getMarketStats } from "@/lib/listings/server/market-stats";
import { createMachine, createUser } from "@/test/factories";

// The database is shared with other test files, so this test measures what its own rows change.
describe("getMarketStats", () => {
  it("counts only live listings of providers who are not banned", async () => {
    const before = await getMarketStats();
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

    const after = await getMarketStats();
    expect(after.liveListings - before.liveListings).toBe(3);
    expect(after.gpusAvailable - before.gpusAvailable).toBe(14);
    expect(after.cheapestH100).toBe(2n);
  });
});
