import "server-only";
/**
 * Reports: any signed-in user files one against a listing or a user; admins see the open ones grouped by
 * target and resolve a whole group at once, either dismissing it or acting on the target (suspend the
 * listing, ban the user) in the same transaction as the resolution and its audit rows.
 */
import { getAddress } from "viem";
import type { Report } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/admin/server/audit";
import { moderateListings } from "@/lib/admin/server/moderation";
import { applyUserAction } from "@/lib/admin/server/users";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { getListingForViewer } from "@/lib/listings/server/queries";
import type { CreateReportInput, ResolveReportsInput } from "@/lib/admin/schema";

/** Enough for a real user; stops one account from flooding the queue. */
export const REPORTS_PER_HOUR = 20;

async function resolveTarget(reporter: Caller, input: CreateReportInput): Promise<{ listingId?: string; targetUserId?: string }> {
  if (input.targetType === "LISTING") {
    // Only what the reporter can see may be reported, so ids of hidden listings are not confirmed.
    const listing = await getListingForViewer(input.targetId, reporter);
    if (!listing) throw new ApiError(404, "not_found", "No listing with this id.");
    if (listing.providerId === reporter.userId) throw new ApiError(409, "self", "You cannot report your own listing.");
    return { listingId: listing.id };
  }
  const byAddress = /^0x[0-9a-fA-F]{40}$/.test(input.targetId);
  if (!byAddress && !/^[A-Za-z0-9_-]{1,64}$/.test(input.targetId)) throw new ApiError(404, "not_found", "No user with this id.");
  const user = await db.user.findUnique({
    where: byAddress ? { address: getAddress(input.targetId) } : { id: input.targetId },
    select: { id: true },
  });
  if (!user) throw new ApiError(404, "not_found", "No user with this id.");
  if (user.id === reporter.userId) throw new ApiError(409, "self", "You cannot report yourself.");
  return { targetUserId: user.id };
}

export async function createReport(reporter: Caller, input: CreateReportInput): Promise<Report> {
  const target = await resolveTarget(reporter, input);
  const [recent, duplicate] = await Promise.all([
    db.report.count({ where: { reporterId: reporter.userId, createdAt: { gte: new Date(Date.now() - 3_600_000) } } }),
    db.report.findFirst({ where: { reporterId: reporter.userId, status: "OPEN", ...target }, select: { id: true } }),
  ]);
  if (duplicate) throw new ApiError(409, "already_reported", "You already reported this; an admin will look at it.");
  if (recent >= REPORTS_PER_HOUR) throw new ApiError(429, "rate_limited", "Too many reports in the last hour; try again later.");
  return db.report.create({
    data: { reporterId: reporter.userId, targetType: input.targetType, category: input.category, note: input.note, ...target },
  });
}

export interface ReportGroup {
  targetType: "LISTING" | "USER";
  targetId: string;
  /** Words for the target: "2× RTX 4090 in Berlin, DE (LIVE)" or the user's address. */
  label: string;
  targetState: string;
  reports: { id: string; category: string; note: string; createdAt: Date; reporter: string }[];
}

/** Open reports grouped by target, the most reported first, then the longest waiting. */
export async function openReportGroups(limit = 500): Promise<ReportGroup[]> {
  const rows = await db.report.findMany({
    where: { status: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      targetType: true,
      category: true,
      note: true,
      createdAt: true,
      reporter: { select: { address: true } },
      listing: {
        select: {
          id: true,
          gpuModel: true,
          gpuCount: true,
          city: true,
          country: true,
          status: true,
          provider: { select: { address: true } },
        },
      },
      targetUser: { select: { id: true, address: true, banned: true } },
    },
  });
  const groups = new Map<string, ReportGroup>();
  for (const r of rows) {
    const targetId = r.listing?.id ?? r.targetUser?.id;
    if (!targetId) continue;
    const key = `${r.targetType}:${targetId}`;
    let group = groups.get(key);
    if (!group) {
      group = r.listing
        ? {
            targetType: "LISTING",
            targetId,
            label: `${r.listing.gpuCount}× ${r.listing.gpuModel} in ${r.listing.city}, ${r.listing.country} by ${r.listing.provider.address}`,
            targetState: r.listing.status,
            reports: [],
          }
        : {
            targetType: "USER",
            targetId,
            label: r.targetUser?.address ?? targetId,
            targetState: r.targetUser?.banned ? "BANNED" : "ACTIVE",
            reports: [],
          };
      groups.set(key, group);
    }
    group.reports.push({ id: r.id, category: r.category, note: r.note, createdAt: r.createdAt, reporter: r.reporter.address });
  }
  const oldest = (g: ReportGroup) => g.reports[0]?.createdAt.getTime() ?? 0;
  return [...groups.values()].sort((a, b) => b.reports.length - a.reports.length || oldest(a) - oldest(b));
}

export async function countOpenReports(): Promise<number> {
  return db.report.count({ where: { status: "OPEN" } });
}

/** Resolves every open report about one target, with the action on the target in the same transaction. */
export async function resolveReports(admin: Caller, input: ResolveReportsInput): Promise<{ resolved: number }> {
  return db.$transaction(async (tx) => {
    const where = {
      status: "OPEN" as const,
      ...(input.targetType === "LISTING" ? { listingId: input.targetId } : { targetUserId: input.targetId }),
    };
    const open = await tx.report.findMany({ where, select: { id: true } });
    if (open.length === 0) throw new ApiError(404, "not_found", "No open reports about this target.");

    if (input.resolution === "suspend_listing")
      await moderateListings(admin, { action: "suspend", ids: [input.targetId], reason: input.note }, tx);
    if (input.resolution === "ban_user") await applyUserAction(admin, input.targetId, { action: "ban", reason: input.note }, tx);

    const status = input.resolution === "dismiss" ? "DISMISSED" : "ACTIONED";
    const ids = open.map((r) => r.id);
    const { count } = await tx.report.updateMany({
      where: { id: { in: ids }, status: "OPEN" },
      data: { status, resolvedById: admin.userId, resolutionNote: input.note, resolvedAt: new Date() },
    });
    if (count !== ids.length) throw new ApiError(409, "conflict", "Another admin resolved some of these reports meanwhile; reload.");
    await writeAudit(tx, {
      admin,
      action: input.resolution === "dismiss" ? "report.dismiss" : "report.resolve",
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.note,
      before: { reports: ids, status: "OPEN" },
      after: { reports: ids, status, resolution: input.resolution },
    });
    return { resolved: ids.length };
  });
}
