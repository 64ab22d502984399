import "server-only";
/**
 * Single-listing and per-provider reads. Visibility in one place: a LIVE listing of a provider
 * who is not banned is public; anything else only its owner and admins see.
 */
import type { ListingStatus } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import type { ListingView, OwnedListing } from "@/lib/listings/listing-dto";
import { listingFieldsOf, publicListingFromRow } from "@/lib/listings/server/dto";
import { recordIdPattern } from "@/lib/core/fields";
import { baseUnitsOf } from "@/lib/core/money";

const listingSelect = {
  id: true,
  providerId: true,
  gpuModel: true,
  gpuCount: true,
  vramGb: true,
  tflopsPerGpu: true,
  cpuCores: true,
  ramGb: true,
  diskGb: true,
  uploadMbps: true,
  downloadMbps: true,
  country: true,
  city: true,
  cudaVersion: true,
  driverVersion: true,
  pricePerGpuHour: true,
  minHours: true,
  maxHours: true,
  description: true,
  status: true,
  rejectionReason: true,
  submittedAt: true,
  reviewedAt: true,
  createdAt: true,
  updatedAt: true,
  provider: { select: { address: true, reliability: true, banned: true } },
  agentReportedAt: true,
  onlineNow: true,
  uptime30dBp: true,
  splittable: true,
  gpusReserved: true,
  reservedUntil: true,
} as const;

export function isPubliclyVisible(listing: { status: ListingStatus; provider: { banned: boolean } }): boolean {
  return listing.status === "LIVE" && !listing.provider.banned;
}

/** Ids are cuids (or short test ids); anything else cannot exist, so no query is made. */
export const listingIdPattern = recordIdPattern;

export interface ViewedListing extends OwnedListing {
  viewerIsOwner: boolean;
  providerId: string;
}

export async function getListingForViewer(id: string, viewer: Pick<Caller, "userId" | "isAdmin"> | null): Promise<ViewedListing | null> {
  if (!listingIdPattern.test(id)) return null;
  const row = await db.machine.findUnique({ where: { id }, select: listingSelect });
  if (!row) return null;
  const viewerIsOwner = viewer?.userId === row.providerId;
  if (!isPubliclyVisible(row) && !viewerIsOwner && !viewer?.isAdmin) return null;

  const listing = publicListingFromRow(listingFieldsOf(row));
  return {
    ...listing,
    status: row.status,
    rejectionReason: row.rejectionReason,
    description: row.description,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    viewerIsOwner,
    providerId: row.providerId,
  };
}

/** What anyone but the owner and admins gets: the public fields, the description and the status. */
export function publicView(listing: ViewedListing): ListingView {
  const { rejectionReason, submittedAt, reviewedAt, updatedAt, viewerIsOwner, providerId, ...shown } = listing;
  void [rejectionReason, submittedAt, reviewedAt, updatedAt, viewerIsOwner, providerId];
  return shown;
}

export interface ProviderHistory {
  memberSince: Date;
  liveListings: number;
  listingsEver: number;
  completedRentals: number;
  reliability: number;
}

export async function providerHistory(providerId: string): Promise<ProviderHistory | null> {
  const user = await db.user.findUnique({
    where: { id: providerId },
    select: { createdAt: true, completedRentals: true, reliability: true, banned: true },
  });
  if (!user || user.banned) return null;
  const [liveListings, listingsEver] = await Promise.all([
    db.machine.count({ where: { providerId, status: "LIVE" } }),
    db.machine.count({ where: { providerId, status: { not: "DRAFT" } } }),
  ]);
  return {
    memberSince: user.createdAt,
    liveListings,
    listingsEver,
    completedRentals: user.completedRentals,
    reliability: user.reliability,
  };
}

/** "My machines": every listing of the provider, newest first, archived last. */
export async function listProviderMachines(providerId: string) {
  const rows = await db.machine.findMany({
    where: { providerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      gpuModel: true,
      gpuCount: true,
      country: true,
      city: true,
      pricePerGpuHour: true,
      status: true,
      rejectionReason: true,
      updatedAt: true,
    },
  });
  const sorted = [...rows.filter((r) => r.status !== "ARCHIVED"), ...rows.filter((r) => r.status === "ARCHIVED")];
  return sorted.map((r) => ({ ...r, pricePerGpuHour: baseUnitsOf(r.pricePerGpuHour) }));
}
