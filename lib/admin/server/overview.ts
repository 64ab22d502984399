import "server-only";
/** The admin overview's figures. */
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { countOpenDisputes } from "@/lib/admin/server/disputes";
import { countOpenReports } from "@/lib/admin/server/reports";
import { dailyVolume, type VolumeDay } from "@/lib/admin/server/volume";
import { db } from "@/lib/core/server/db";

export const listingStatuses: ListingStatus[] = ["DRAFT", "PENDING_REVIEW", "LIVE", "PAUSED", "REJECTED", "SUSPENDED", "ARCHIVED"];

export interface Overview {
  listingsByStatus: { status: ListingStatus; count: number }[];
  pendingReviews: number;
  openReports: number;
  bannedUsers: number;
  openDisputes: number;
  /** Daily settled volume and fees in token base units, the last 30 days. */
  volume: VolumeDay[];
}

export async function adminOverview(): Promise<Overview> {
  const [byStatus, openReports, bannedUsers] = await Promise.all([
    db.machine.groupBy({ by: ["status"], _count: { _all: true } }),
    countOpenReports(),
    db.user.count({ where: { banned: true } }),
  ]);
  // After the others rather than beside them: fewer queries in flight at once on the e2e stack's single-session PGlite.
  const openDisputes = await countOpenDisputes();
  const volume = await dailyVolume();
  const counts = new Map(byStatus.map((r) => [r.status, r._count._all]));
  const listingsByStatus = listingStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  return { listingsByStatus, pendingReviews: counts.get("PENDING_REVIEW") ?? 0, openReports, bannedUsers, openDisputes, volume };
}
