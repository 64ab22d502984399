import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getMarketStats } from "@/lib/server/market-stats";
import { createMachine, createUser } from "@/test/factories";

describe("getMarketStats", () => {
  beforeEach(async () => {
    await db.machine.deleteMany();
  });

  it("counts only live listings of providers who are not banned", async () => {
    const provider = await createUser();
    const banned = await createUser({ banned: true, bannedReason: "fraud" });
    await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8, pricePerGpuHour: "2190000" });
    await createMachine(provider.id, { gpuModel: "H100-PCIE", gpuCount: 2, pricePerGpuHour: "1890000" });
    await createMachine(provider.id, { gpuModel: "RTX-4090", gpuCount: 4, pricePerGpuHour: "310000" });
    // None of these may count.
    await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8, pricePerGpuHour: "100000", status: "PENDING_REVIEW" });
    await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8, pricePerGpuHour: "100000", status: "PAUSED" });
    await createMachine(banned.id, { gpuModel: "H100-NVL", gpuCount: 2, pricePerGpuHour: "100000" });

    const stats = await getMarketStats();
    expect(stats).toEqual({ liveListings: 3, gpusAvailable: 14, cheapestH100: 1_890_000n });
  });

  it("reports no H100 price when none is live", async () => {
    const provider = await createUser();
    await createMachine(provider.id, { gpuModel: "L4" });
    expect(await getMarketStats()).toEqual({ liveListings: 1, gpusAvailable: 1, cheapestH100: null });
  });
});
