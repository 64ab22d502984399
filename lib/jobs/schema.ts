/**
 * Training-job inputs (issue 6), shared by the job forms (client), the server actions and the v1
 * API. Inputs arrive as form strings, FormData-style repeated values or JSON; outputs are the stored
 * shapes: prices in token base units (bigint), deadlines as Dates, lists de-duplicated.
 */
import { z } from "zod";
import { gpuModelIds, gpuSpec, type GpuModelId } from "@/lib/listings/gpu-catalog";
import { priceField, wholeNumber } from "@/lib/listings/schema";
import { recordIdPattern } from "@/lib/core/fields";

export const jobFrameworks = ["PYTORCH", "JAX", "TENSORFLOW", "OTHER"] as const;
export type JobFrameworkName = (typeof jobFrameworks)[number];
export const frameworkLabels: Record<JobFrameworkName, string> = {
  PYTORCH: "PyTorch",
  JAX: "JAX",
  TENSORFLOW: "TensorFlow",
  OTHER: "Other",
};

/** Ids are cuids; anything else cannot exist, so routes answer 404 without a query. */
export const jobIdPattern = recordIdPattern;
export const offerIdPattern = jobIdPattern;

/** Offers may be asked for until this far ahead; a deadline months away is almost always a typo. */
export const MAX_OFFER_WINDOW_DAYS = 90;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .superRefine((value, ctx) => {
      if (value.length === 0) ctx.addIssue({ code: "custom", message: `${label} is required` });
      else if (value.length < min) ctx.addIssue({ code: "custom", message: `${label} needs at least ${min} characters` });
      else if (value.length > max)
        ctx.addIssue({ code: "custom", message: `${label} must be at most ${max.toLocaleString("en-US")} characters` });
    });

/**
 * An OCI image reference as `docker pull` takes it: optional registry host[:port], lower-case path
 * components, then a tag and/or a sha256 digest. A tag or digest is required so a job names the
 * exact image it was priced for, not whatever "latest" is on the day it runs.
 */
const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const registryHost =
  /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+|[a-zA-Z0-9-]+)(?::\d{1,5})?$/;

export function isImageReference(value: string): boolean {
  const [nameAndTag, digest, ...extra] = value.split("@");
  if (extra.length > 0 || nameAndTag === undefined) return false;
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) return false;
  const slash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.lastIndexOf(":");
  const tag = colon > slash ? nameAndTag.slice(colon + 1) : undefined;
  const name = colon > slash ? nameAndTag.slice(0, colon) : nameAndTag;
  if (tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return false;
  if (tag === undefined && digest === undefined) return false;
  const parts = name.split("/");
  // Like Docker: the first part is a registry only when it looks like a host (a dot, a port, or localhost).
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    if (!registryHost.test(first)) return false;
    parts.shift();
  }
  return parts.length > 0 && parts.every((p) => component.test(p));
}

export const containerImageField = z
  .string({ error: "Container image is required" })
  .trim()
  .min(1, "Container image is required")
  .max(255, "Container image must be at most 255 characters")
  .refine(
    isImageReference,
    'Container image must be an image reference with a tag or digest, like "ghcr.io/org/train:1.2" or "pytorch/pytorch@sha256:<64 hex>"',
  );

const urlSchemes = ["http:", "https:", "s3:", "gs:"];

/** Where data lives: an http(s), s3:// or gs:// URL with a host (the bucket for s3/gs). */
export const dataUrlField = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(2000, `${label} must be at most 2,000 characters`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return urlSchemes.includes(url.protocol) && url.host !== "" && !url.username && !url.password;
      } catch {
        return false;
      }
    }, `${label} must be an http(s), s3:// or gs:// URL like s3://bucket/path (no credentials in it)`);

/** A list from a repeated form field, a comma-separated string or a JSON array; errors name the list, not an index. */
function list(label: string, normalise: (v: string) => string, valid: (v: string) => boolean, message: string) {
  return z.union([z.string(), z.array(z.string())], { error: `${label} must be a list` }).transform((value, ctx) => {
    const items = [
      ...new Set(
        (Array.isArray(value) ? value : [value])
          .flatMap((v) => v.split(","))
          .map((v) => normalise(v.trim()))
          .filter(Boolean),
      ),
    ];
    const bad = items.filter((v) => !valid(v));
    if (bad.length > 0) ctx.addIssue({ code: "custom", message: `${message} (not ${bad.map((b) => `"${b}"`).join(", ")})` });
    else if (items.length > 40) ctx.addIssue({ code: "custom", message: `${label} may name at most 40 entries` });
    return items;
  });
}

export const gpuModelsField = list(
  "GPU models",
  (v) => v,
  (v) => (gpuModelIds as readonly string[]).includes(v),
  "Choose GPU models from the list",
).transform((v) => v as GpuModelId[]);

export const regionsField = list(
  "Regions",
  (v) => v.toUpperCase(),
  (v) => /^[A-Z]{2}$/.test(v),
  "Regions must be two-letter country codes like DE",
);

/** A datetime from JSON (ISO 8601), a form's datetime-local value ("2026-12-01T09:30", read as UTC) or a Date. */
export function dateTimeField(label: string) {
  return z.union([z.date(), z.string().trim()], { error: `${label} is required` }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) ctx.addIssue({ code: "custom", message: `${label} is not a valid date` });
      return value;
    }
    if (value === "") {
      ctx.addIssue({ code: "custom", message: `${label} is required` });
      return z.NEVER;
    }
    const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
    const date = match ? new Date(match[3] ? value : `${value}Z`) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `${label} must be a date and time like 2026-12-01T09:30Z` });
      return z.NEVER;
    }
    return date;
  });
}

export const offerDeadlineField = dateTimeField("Offer deadline").superRefine((date, ctx) => {
  const now = Date.now();
  if (date.getTime() <= now) ctx.addIssue({ code: "custom", message: "Offer deadline must be in the future" });
  else if (date.getTime() > now + MAX_OFFER_WINDOW_DAYS * 86_400_000) {
    ctx.addIssue({ code: "custom", message: `Offer deadline must be within ${MAX_OFFER_WINDOW_DAYS} days` });
  }
});

export const jobFields = z.object({
  title: text("Title", 3, 120),
  description: z.string().trim().max(4000, "Description must be at most 4,000 characters"),
  framework: z.enum(jobFrameworks, { error: "Choose a framework: PyTorch, JAX, TensorFlow or other" }),
  containerImage: containerImageField,
  command: text("Command", 1, 2000),
  datasetUrl: dataUrlField("Dataset location"),
  outputUrl: dataUrlField("Output location"),
  gpuModels: gpuModelsField,
  minVramGb: wholeNumber("Minimum VRAM", 1, 1024),
  gpuCount: wholeNumber("GPU count", 1, 16),
  minReliability: wholeNumber("Minimum reliability", 0, 100),
  regions: regionsField,
  estimatedHours: wholeNumber("Estimated hours", 1, 8760),
  maxPricePerGpuHour: priceField,
  offerDeadline: offerDeadlineField,
});

type CrossFields = { gpuModels?: readonly string[]; minVramGb?: number };

/** Rules across fields; the server also runs them on a PATCH merged with the stored job. */
export function jobCrossFieldErrors(value: CrossFields): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  // A requirement no accepted model can meet would leave the job without any possible offer.
  if (value.gpuModels && value.gpuModels.length > 0 && value.minVramGb !== undefined) {
    const best = Math.max(...value.gpuModels.map((m) => gpuSpec(m)?.vramGb ?? 0));
    if (best < value.minVramGb)
      errors.minVramGb = [`None of the chosen GPU models has ${value.minVramGb} GB of VRAM (the most is ${best} GB)`];
  }
  return errors;
}

function crossFieldChecks(value: CrossFields, ctx: z.RefinementCtx) {
  for (const [field, messages] of Object.entries(jobCrossFieldErrors(value))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

/** Creating a job. Empty lists mean "any model" / "anywhere"; an untouched reliability means 0. */
export const jobInputSchema = jobFields
  .extend({
    description: jobFields.shape.description.default(""),
    gpuModels: jobFields.shape.gpuModels.default([]),
    regions: jobFields.shape.regions.default([]),
    minReliability: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), jobFields.shape.minReliability),
  })
  .superRefine(crossFieldChecks);

/** PATCH: any subset; the server re-checks the cross-field rules against the stored job. */
export const jobPatchSchema = jobFields
  .partial()
  .superRefine(crossFieldChecks)
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "Change at least one field" });

export type JobInput = z.output<typeof jobInputSchema>;
export type JobPatch = z.output<typeof jobPatchSchema>;
export type JobField = keyof JobInput;

/** Fields that decide which machines qualify; changing one on an OPEN job affects pending offers. */
export const requirementFields = [
  "gpuModels",
  "minVramGb",
  "gpuCount",
  "minReliability",
  "regions",
  "maxPricePerGpuHour",
] as const satisfies readonly JobField[];

export const offerInputSchema = z.object({
  jobId: z.string({ error: "Job is required" }).regex(jobIdPattern, "Job is not a job id"),
  machineId: z.string({ error: "Choose one of your machines" }).regex(jobIdPattern, "Choose one of your machines"),
  pricePerGpuHour: priceField,
  // A few minutes of slack: a form filled in "now" arrives a little later.
  earliestStart: dateTimeField("Earliest start").refine(
    (d) => d.getTime() >= Date.now() - 10 * 60_000,
    "Earliest start must not be in the past",
  ),
  note: z.string().trim().max(1000, "Note must be at most 1,000 characters").default(""),
});
export type OfferInput = z.output<typeof offerInputSchema>;

export const progressNoteSchema = z.object({ body: text("Progress note", 1, 2000) });
export type ProgressNoteInput = z.output<typeof progressNoteSchema>;

export const jobResultSchema = z.object({
  resultUrl: dataUrlField("Result location"),
  resultSha256: z
    .string({ error: "SHA-256 checksum is required" })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "SHA-256 checksum must be 64 hexadecimal characters"),
});
export type JobResultInput = z.output<typeof jobResultSchema>;

/** Owner actions on a job under POST /api/v1/jobs/{id}/{action}. */
export const jobActions = ["publish", "cancel", "start", "complete", "progress"] as const;
export type JobAction = (typeof jobActions)[number];
export const offerActions = ["withdraw", "accept"] as const;
export type OfferAction = (typeof offerActions)[number];
