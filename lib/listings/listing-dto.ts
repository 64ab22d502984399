/**
 * Listings as the API returns them and the pages render them, defined once: the TypeScript types
 * (PublicListing, OwnedListing), the search's row type (lib/listings/server/search-sql.ts) and the
 * OpenAPI response schemas all come from these zod objects. Money is a base-unit string (never a
 * JSON number), TFLOPS the exact decimal text, CUDA "12.4".
 */
import { z } from "zod";
import { ListingStatus } from "@/lib/generated/prisma/enums";
import { baseUnits, isoText } from "@/lib/core/wire";
import { gpuModelIds } from "@/lib/listings/gpu-catalog";

const count = (description?: string) => (description ? z.int().min(0).describe(description) : z.int().min(0));

export const publicListingSchema = z
  .object({
    id: z.string(),
    gpuModel: z.enum(gpuModelIds).describe("catalog id of the GPU model"),
    gpuName: z.string().meta({ description: "the model's name as people read it", examples: ["NVIDIA H100 SXM"] }),
    gpuCount: count(),
    vramGb: count("per GPU"),
    tflopsPerGpu: z.string().meta({ description: "dense FP16/BF16 TFLOPS per GPU, decimal text", examples: ["989.0"] }),
    totalTflops: z.string().meta({ description: "tflopsPerGpu x gpuCount, decimal text", examples: ["7912.0"] }),
    cpuCores: count(),
    ramGb: count(),
    diskGb: count(),
    uploadMbps: count(),
    downloadMbps: count(),
    country: z.string().describe("ISO 3166-1 alpha-2"),
    city: z.string(),
    cudaVersion: z
      .string()
      .nullable()
      .meta({ description: "null for a machine without CUDA (ROCm)", examples: ["12.4"] }),
    driverVersion: z.string(),
    pricePerGpuHour: baseUnits("per GPU-hour"),
    pricePerTflopHour: z.string().meta({
      description: "token units (not base units) per TFLOP-hour, 6 decimals: what the value sort orders by",
      examples: ["0.002214"],
    }),
    minHours: count(),
    maxHours: count(),
    createdAt: isoText,
    provider: z.object({ address: z.string(), reliability: z.int().min(0).max(100) }),
    agent: z
      .object({
        verifiedAt: isoText
          .nullable()
          .describe("when the machine agent last reported this machine's hardware; null: the hardware is only as declared"),
        onlineNow: z.boolean().describe("the agent's heartbeats arrive now"),
        uptime30dPercent: z
          .number()
          .min(0)
          .max(100)
          .nullable()
          .describe("share of the last 30 days (or since first seen) online, as measured; null before any heartbeat"),
      })
      .describe("What the machine agent on the host measured (README, Machine agent)"),
    availability: z
      .object({
        splittable: z.boolean().describe("whether a rental may take fewer than all GPUs"),
        gpusFree: z.int().min(0).describe("GPUs no order holds right now"),
        freesAt: isoText.nullable().describe("when the last current hold ends at the latest; null when nothing is held"),
      })
      .describe("Capacity now: rentals take GPUs from payment until they end (README, Rental money model)"),
  })
  .describe("A live listing as search returns it");
export type PublicListing = z.infer<typeof publicListingSchema>;

/** What anyone who may see a listing reads on its own page: the public fields, the status and the description. */
export const listingViewSchema = publicListingSchema.extend({
  status: z.enum(ListingStatus),
  description: z.string(),
});
export type ListingView = z.infer<typeof listingViewSchema>;

/** What the owner and admins see in addition. */
export const ownedListingSchema = listingViewSchema.extend({
  rejectionReason: z.string().nullable(),
  submittedAt: isoText.nullable(),
  reviewedAt: isoText.nullable(),
  updatedAt: isoText,
});
export type OwnedListing = z.infer<typeof ownedListingSchema>;

/** One listing as the API answers it: the owner-only fields are there for its owner and admins alone. */
export const listingDetailSchema = ownedListingSchema
  .partial({ rejectionReason: true, submittedAt: true, reviewedAt: true, updatedAt: true })
  .describe("One listing; rejectionReason, submittedAt, reviewedAt and updatedAt only for its owner and admins");
export type ListingDetail = z.infer<typeof listingDetailSchema>;

export const listingPageSchema = z.object({
  items: z.array(publicListingSchema),
  nextCursor: z.string().nullable().describe("pass as cursor (with the same sort) for the next page; null on the last"),
  total: z.object({ count: count(), capped: z.boolean().describe("true: more than count match") }),
});

export const listingUpdateSchema = z.object({
  listing: listingDetailSchema,
  sentToReview: z.boolean().describe("true when a change of hardware, price or description sent a live or paused listing back to review"),
});
