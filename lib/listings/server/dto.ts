import "server-only";
/**
 * Listings as the API returns them and the pages render them: money as base-unit strings
 * (never a JSON number), TFLOPS as the exact decimal text, CUDA as "12.4".
 */
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { formatValueKey } from "@/lib/listings/price";
import { formatCuda } from "@/lib/listings/search-schema";
import type { ListingRow } from "@/lib/listings/server/search-sql";

export interface PublicListing {
  id: string;
  gpuModel: string;
  gpuName: string;
  gpuCount: number;
  vramGb: number;
  tflopsPerGpu: string;
  totalTflops: string;
  cpuCores: number;
  ramGb: number;
  diskGb: number;
  uploadMbps: number;
  downloadMbps: number;
  country: string;
  city: string;
  /** "12.4", or null for a machine without CUDA (ROCm). */
  cudaVersion: string | null;
  driverVersion: string;
  /** Token base units per GPU-hour, as a decimal string. */
  pricePerGpuHour: string;
  /** Token units (not base units) per TFLOP-hour, 6 decimals, e.g. "0.002214". */
  pricePerTflopHour: string;
  minHours: number;
  maxHours: number;
  createdAt: string;
  provider: { address: string; reliability: number };
}

/** What the owner and admins see in addition. */
export interface OwnedListing extends PublicListing {
  status: ListingStatus;
  rejectionReason: string | null;
  description: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
}

export function cudaText(cuda: number): string | null {
  return cuda === 0 ? null : formatCuda(cuda);
}

/** A listing's stored fields in the search SQL's shape; single-listing reads normalise to it too. */
export type ListingFields = Omit<ListingRow, "k" | "sortKey" | "providerId">;

export function publicListingFromRow(row: ListingFields): PublicListing {
  return {
    id: row.id,
    gpuModel: row.gpuModel,
    gpuName: gpuSpec(row.gpuModel)?.name ?? row.gpuModel,
    gpuCount: row.gpuCount,
    vramGb: row.vramGb,
    tflopsPerGpu: row.tflopsPerGpu,
    totalTflops: row.totalTflops,
    cpuCores: row.cpuCores,
    ramGb: row.ramGb,
    diskGb: row.diskGb,
    uploadMbps: row.uploadMbps,
    downloadMbps: row.downloadMbps,
    country: row.country,
    city: row.city,
    cudaVersion: cudaText(row.cudaVersion),
    driverVersion: row.driverVersion,
    pricePerGpuHour: row.pricePerGpuHour,
    pricePerTflopHour: formatValueKey(BigInt(row.valueKey)),
    minHours: row.minHours,
    maxHours: row.maxHours,
    createdAt: new Date(row.createdAt).toISOString(),
    provider: { address: row.providerAddress, reliability: row.providerReliability },
  };
}
