import "server-only";
/**
 * Listings from stored rows to the API's shape (lib/listings/listing-dto.ts). One mapper serves the
 * search, whose SQL rows arrive as text and numbers, and the single-listing read, whose Prisma
 * record is first put in the same shape by listingFieldsOf.
 */
import { gpuSpec, type GpuModelId } from "@/lib/listings/gpu-catalog";
import type { PublicListing } from "@/lib/listings/listing-dto";
import { formatValueKey, tflopsTenths, valueKey } from "@/lib/listings/price";
import { formatCuda } from "@/lib/listings/search-schema";
import type { ListingFields } from "@/lib/listings/server/search-sql";
import { baseUnitsOf } from "@/lib/core/money";

export function cudaText(cuda: number): string | null {
  return cuda === 0 ? null : formatCuda(cuda);
}

/**
 * No zod parse here: this runs for every row of every search, and the types already tie the row to
 * the schema (lib/listings/server/search-sql.ts derives ListingFields from PublicListing).
 */
export function publicListingFromRow(row: ListingFields): PublicListing {
  return {
    id: row.id,
    // Every write checks the model against the catalog (lib/listings/schema.ts), so the column holds catalog ids.
    gpuModel: row.gpuModel as GpuModelId,
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
    agent: {
      verifiedAt: row.agentReportedAt ? new Date(row.agentReportedAt).toISOString() : null,
      onlineNow: row.onlineNow,
      uptime30dPercent: row.uptime30dBp === null ? null : row.uptime30dBp / 100,
    },
    availability: availabilityOf(row, new Date()),
  };
}

/** A copy whose holds all ended is free even before the sweep refreshes it. */
function availabilityOf(row: Pick<ListingFields, "gpuCount" | "splittable" | "gpusReserved" | "reservedUntil">, now: Date) {
  const until = row.reservedUntil ? new Date(row.reservedUntil) : null;
  const held = until && until > now;
  return {
    splittable: row.splittable,
    gpusFree: held ? Math.max(0, row.gpuCount - row.gpusReserved) : row.gpuCount,
    freesAt: held ? until.toISOString() : null,
  };
}

/** The stored columns of a listing as Prisma reads them (Decimal price and TFLOPS) and its provider. */
export interface ListingRecord extends Omit<
  ListingFields,
  "tflopsPerGpu" | "totalTflops" | "valueKey" | "pricePerGpuHour" | "providerAddress" | "providerReliability"
> {
  tflopsPerGpu: { toFixed(digits: number): string };
  pricePerGpuHour: { toFixed(digits: number): string };
  provider: { address: string; reliability: number };
}

/** A Prisma record in the search row's shape, with the derived columns computed as the database computes them. */
export function listingFieldsOf(record: ListingRecord): ListingFields {
  const { provider, ...stored } = record;
  const price = baseUnitsOf(record.pricePerGpuHour);
  const tflops = record.tflopsPerGpu.toFixed(1);
  const total = tflopsTenths(tflops) * BigInt(record.gpuCount);
  return {
    ...stored,
    tflopsPerGpu: tflops,
    totalTflops: `${total / 10n}.${total % 10n}`,
    valueKey: valueKey(price, tflops).toString(),
    pricePerGpuHour: price.toString(),
    providerAddress: provider.address,
    providerReliability: provider.reliability,
  };
}
