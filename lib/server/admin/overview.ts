import "server-only";
/** The admin overview's figures. Orders and disputes do not exist yet (payments issue), so volume is empty. */
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { countOpenReports } from "@/lib/server/admin/reports";
import { db } from "@/lib/server/db";

export const listingStatuses: ListingStatus[] = ["DRAFT", "PENDING_REVIEW", "LIVE", "PAUSED", "REJECTED", "SUSPENDED", "ARCHIVED"];

export interface Overview {
  listingsByStatus: { status: ListingStatus; count: number }[];
  pendingReviews: number;
  openReports: number;
  bannedUsers: number;
  /** Daily settled volume and fees in token base units; empty until orders exist (see the page's note). */
  volume: { day: string; volume: bigint; fees: bigint }[];
}

export async function adminOverview(): Promise<Overview> {
  const [byStatus, openReports, bannedUsers] = await Promise.all([
    db.machine.groupBy({ by: ["status"], _count: { _all: true } }),
    countOpenReports(),
    db.user.count({ where: { banned: true } }),
  ]);
  const counts = new Map(byStatus.map((r) => [r.status, r._count._all]));
  const listingsByStatus = listingStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  return { listingsByStatus, pendingReviews: counts.get("PENDING_REVIEW") ?? 0, openReports, bannedUsers, volume: [] };
}
