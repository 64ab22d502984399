/**
 * The one schema for a machine listing, used by the provider form (client), the server
 * actions and the v1 API. Inputs arrive as form strings or JSON numbers; outputs are the
 * stored shapes: price in token base units (bigint), CUDA as major*10+minor.
 * VRAM and TFLOPS are not inputs: they come from the GPU catalog for the chosen model.
 */
import { z } from "zod";
import { gpuModelIds, gpuSpec } from "@/lib/listings/gpu-catalog";
import { toBaseUnits } from "@/lib/core/money";

/** Fields whose change on a live listing sends it back to review: what the buyer rents. */
export const hardwareFields = [
  "gpuModel",
  "gpuCount",
  "cpuCores",
  "ramGb",
  "diskGb",
  "uploadMbps",
  "downloadMbps",
  "country",
  "city",
  "cudaVersion",
  "driverVersion",
] as const;

/** The most one listing may charge per GPU-hour (1,000 USDC), so typos like "1850" are caught. */
export const MAX_PRICE_PER_GPU_HOUR = 1000n * 10n ** 6n;

/** A whole number from a form string or a JSON number, with the range said in words. */
export function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`;
  return z.union([z.number(), z.string().trim()], { error: `${label} is required` }).transform((value, ctx) => {
    const n = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (typeof value === "string" && value === "") {
      ctx.addIssue({ code: "custom", message: `${label} is required` });
      return z.NEVER;
    }
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** "12.4" -> 124. An empty value means no CUDA (AMD GPUs run ROCm) and is stored as 0. */
export const cudaVersionField = z
  .union([z.string().trim(), z.number()], { error: "CUDA version must look like 12.4" })
  .transform((value, ctx) => {
    const text = String(value);
    if (text === "" || text === "0") return 0;
    const match = /^(\d{1,2})\.(\d)$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "CUDA version must look like 12.4 (leave empty for ROCm)" });
      return z.NEVER;
    }
    return Number(match[1]) * 10 + Number(match[2]);
  });

/** A price per GPU-hour typed as a decimal ("1.85"), returned in base units; never a float. */
export const priceField = z.union([z.string().trim(), z.number()], { error: "Price is required" }).transform((value, ctx) => {
  const text = String(value);
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "Price is required" });
    return z.NEVER;
  }
  let units: bigint;
  try {
    units = toBaseUnits(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "Price must be a decimal like 1.85 with at most 6 decimal places" });
    return z.NEVER;
  }
  if (units <= 0n || units > MAX_PRICE_PER_GPU_HOUR) {
    ctx.addIssue({ code: "custom", message: "Price must be more than 0 and at most 1,000 per GPU-hour" });
    return z.NEVER;
  }
  return units;
});

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);

export const listingFields = z.object({
  gpuModel: z.enum(gpuModelIds, { error: "Choose a GPU model from the list" }),
  gpuCount: wholeNumber("GPU count", 1, 16),
  cpuCores: wholeNumber("CPU cores", 1, 1024),
  ramGb: wholeNumber("RAM", 1, 16_384),
  diskGb: wholeNumber("Disk", 10, 1_000_000),
  uploadMbps: wholeNumber("Upload bandwidth", 1, 400_000),
  downloadMbps: wholeNumber("Download bandwidth", 1, 400_000),
  country: z
    .string({ error: "Country is required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter code like DE"),
  city: text("City", 1, 80),
  cudaVersion: cudaVersionField,
  driverVersion: text("Driver version", 1, 20),
  pricePerGpuHour: priceField,
  minHours: wholeNumber("Minimum hours", 1, 8760),
  maxHours: wholeNumber("Maximum hours", 1, 8760),
  description: z.string().trim().max(2000, "Description must be at most 2,000 characters"),
  /** Whether buyers may rent fewer than all GPUs; a form's checkbox sends "1"/"0", the API a boolean. */
  splittable: z
    .union([z.boolean(), z.enum(["1", "0", "true", "false", "on"])], { error: "Rent in parts must be true or false" })
    .transform((v) => v === true || v === "1" || v === "true" || v === "on")
    .optional(),
});

type CrossFields = { minHours?: number; maxHours?: number; gpuModel?: string; cudaVersion?: number };

/** Rules across fields, as field errors; also run by the server on a PATCH merged with the stored listing. */
export function crossFieldErrors(value: CrossFields): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (value.minHours !== undefined && value.maxHours !== undefined && value.minHours > value.maxHours) {
    errors.maxHours = ["Maximum hours must be at least the minimum hours"];
  }
  // CUDA is NVIDIA's: AMD machines run ROCm, and NVIDIA ones always have some CUDA version.
  // The marketplace relies on this to search only NVIDIA models when a minimum CUDA is asked for.
  const vendor = value.gpuModel === undefined ? undefined : gpuSpec(value.gpuModel)?.vendor;
  if (vendor === "AMD" && value.cudaVersion !== undefined && value.cudaVersion !== 0) {
    errors.cudaVersion = ["AMD GPUs run ROCm: leave the CUDA version empty"];
  }
  if (vendor === "NVIDIA" && value.cudaVersion === 0) errors.cudaVersion = ["Enter the CUDA version the driver supports, like 12.4"];
  return errors;
}

function crossFieldChecks(value: CrossFields, ctx: z.RefinementCtx) {
  for (const [field, messages] of Object.entries(crossFieldErrors(value))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

export const createListingSchema = listingFields
  .extend({ description: listingFields.shape.description.default("") })
  .superRefine(crossFieldChecks);

/** PATCH: any subset; the server re-checks min <= max against the stored values. */
export const updateListingSchema = listingFields
  .partial()
  .superRefine(crossFieldChecks)
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "Change at least one field" });

export type ListingInput = z.output<typeof createListingSchema>;
export type ListingPatch = z.output<typeof updateListingSchema>;
export type ListingField = keyof ListingInput;

/** Zod issues as `{ field: [messages] }`; problems with the whole input go under "_". */
/** Status actions an owner may ask for; admins additionally approve, reject and suspend. */
export const ownerActions = ["submit", "withdraw", "pause", "resume", "archive"] as const;
export const adminActions = ["approve", "reject", "suspend"] as const;
export type ListingAction = (typeof ownerActions)[number] | (typeof adminActions)[number];

export const statusChangeSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.enum([...ownerActions, "approve", "suspend"]) }),
    z.object({ action: z.literal("reject"), reason: text("Reason", 3, 500) }),
  ],
  { error: `action must be one of ${[...ownerActions, ...adminActions].join(", ")}` },
);
export type StatusChange = z.output<typeof statusChangeSchema>;
