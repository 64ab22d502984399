import "server-only";
import { db } from "@/lib/core/server/db";
import { baseUnitsOf } from "@/lib/core/money";

export interface MarketStats {
  liveListings: number;
  gpusAvailable: number;
  /** Cheapest live H100 (any form factor) per GPU-hour, in token base units. */
  cheapestH100: bigint | null;
}

const H100_MODELS = ["H100-SXM", "H100-PCIE", "H100-NVL"];

/** Live figures for the landing page. Listings of banned providers never count. */
export async function getMarketStats(): Promise<MarketStats> {
  const visible = { status: "LIVE" as const, provider: { banned: false } };
  const [aggregate, cheapest] = await Promise.all([
    db.machine.aggregate({ where: visible, _count: { _all: true }, _sum: { gpuCount: true } }),
    db.machine.findFirst({
      where: { ...visible, gpuModel: { in: H100_MODELS } },
      orderBy: { pricePerGpuHour: "asc" },
      select: { pricePerGpuHour: true },
    }),
  ]);
  return {
    liveListings: aggregate._count._all,
    gpusAvailable: aggregate._sum.gpuCount ?? 0,
    cheapestH100: cheapest ? baseUnitsOf(cheapest.pricePerGpuHour) : null,
  };
}
