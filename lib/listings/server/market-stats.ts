import "server-only";
/**
 * The landing page's live figures. Aggregating the whole listings table costs seconds at a million
 * rows, and the landing page is the busiest page there is, so each app instance computes the figures
 * at most once per FRESH_MS and answers from the last ones meanwhile (stale while revalidating: only
 * the very first request of an instance waits for a computation, and only one runs at a time).
 */
import { env } from "@/env";
import { baseUnitsOf } from "@/lib/core/money";
import { db } from "@/lib/core/server/db";
import { gpuCatalog } from "@/lib/listings/gpu-catalog";

export interface MarketStats {
  liveListings: number;
  /** GPUs of live listings that no order holds right now. */
  gpusAvailable: number;
  /** Cheapest live H100 (any form factor) per GPU-hour, in token base units. */
  cheapestH100: bigint | null;
}

const FRESH_MS = env.LANDING_STATS_FRESH_SECONDS * 1000;
const H100_MODELS = gpuCatalog.filter((m) => m.family === "H100").map((m) => m.id);

/** Computes the figures from the database. Listings of banned providers never count. */
export async function computeMarketStats(): Promise<MarketStats> {
  const visible = { status: "LIVE" as const, provider: { banned: false } };
  const [aggregate, cheapest] = await Promise.all([
    db.machine.aggregate({ where: visible, _count: { _all: true }, _sum: { gpuCount: true, gpusReserved: true } }),
    db.machine.findFirst({
      where: { ...visible, gpuModel: { in: H100_MODELS } },
      orderBy: { pricePerGpuHour: "asc" },
      select: { pricePerGpuHour: true },
    }),
  ]);
  return {
    liveListings: aggregate._count._all,
    gpusAvailable: (aggregate._sum.gpuCount ?? 0) - (aggregate._sum.gpusReserved ?? 0),
    cheapestH100: cheapest ? baseUnitsOf(cheapest.pricePerGpuHour) : null,
  };
}

let last: { stats: MarketStats; at: number } | null = null;
let inflight: Promise<MarketStats> | null = null;

/** The figures as of at most FRESH_MS ago (older ones while a refresh runs). */
export async function getMarketStats(now = Date.now()): Promise<MarketStats> {
  if (last && now - last.at < FRESH_MS) return last.stats;
  const refresh = (inflight ??= computeMarketStats()
    .then((stats) => {
      last = { stats, at: Date.now() };
      return stats;
    })
    .finally(() => {
      inflight = null;
    }));
  if (!last) return refresh;
  // The page is answered from the older figures; a failed refresh is retried by the next request.
  refresh.catch(() => undefined);
  return last.stats;
}
