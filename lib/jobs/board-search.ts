/**
 * The job board's filters and sorts as URL parameters (like lib/listings/search-schema.ts): parsed
 * with a 400 naming each bad parameter, keyset cursors, and the inverse for links and "next page".
 */
import { z } from "zod";
import { fromBaseUnits, toBaseUnits } from "@/lib/core/money";
import type { GpuModelId } from "@/lib/listings/gpu-catalog";
import { gpuModelsField, jobFrameworks, jobIdPattern, type JobFrameworkName } from "@/lib/jobs/schema";
export const jobSorts = ["budget", "newest", "deadline"] as const;
export type JobSort = (typeof jobSorts)[number];
export const JOB_PAGE_SIZE = 24;

/** The last row's sort key (base units, or an ISO timestamp) and id. */
export interface JobCursor {
  sort: JobSort;
  key: string;
  id: string;
}

export interface JobSearch {
  gpuModel: GpuModelId[];
  minVram?: number;
  /** Total budget bounds (maxPricePerGpuHour x GPUs x hours), base units. */
  minBudget?: bigint;
  maxBudget?: bigint;
  region?: string;
  framework?: JobFrameworkName;
  sort: JobSort;
  limit: number;
  cursor?: JobCursor;
}

export function encodeJobCursor(cursor: JobCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

const cursorKeyPattern: Record<JobSort, RegExp> = {
  budget: /^\d{1,30}$/,
  newest: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  deadline: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
};

export function decodeJobCursor(raw: string, sort: JobSort): JobCursor | string {
  const invalid = "cursor is not a value this API returned";
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === "string")) return invalid;
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (cursorSort !== sort) return `cursor belongs to sort "${cursorSort}", not "${sort}"; start again without a cursor`;
  if (!cursorKeyPattern[sort].test(key) || !jobIdPattern.test(id)) return invalid;
  if (sort !== "budget" && (Number.isNaN(Date.parse(key)) || new Date(key).toISOString() !== key)) return invalid;
  return { sort, key, id };
}

const searchInt = (label: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${label} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} must be between ${min} and ${max}`);

/** Above any budget a job can have (1,000 per GPU-hour x 16 GPUs x 8,760 hours), in whole tokens. */
const MAX_BUDGET_PARAM = 1_000_000_000n;

const budgetParam = (label: string) =>
  z.string().transform((v, ctx) => {
    try {
      const units = toBaseUnits(v);
      if (units > MAX_BUDGET_PARAM * 10n ** 6n) {
        ctx.addIssue({ code: "custom", message: `must be at most ${MAX_BUDGET_PARAM.toLocaleString("en-US")}` });
        return z.NEVER;
      }
      if (units > 0n) return units;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: `${label} must be a positive amount like 250 or 99.50` });
    return z.NEVER;
  });

/** One value per parameter, except gpuModel which may repeat or be comma-separated. Empty values mean "no filter". */
export const jobSearchSchema = z
  .object({
    gpuModel: gpuModelsField.optional(),
    minVram: searchInt("minVram", 1, 1024).optional(),
    minBudget: budgetParam("minBudget").optional(),
    maxBudget: budgetParam("maxBudget").optional(),
    region: z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "must be a two-letter country code like DE")
      .optional(),
    framework: z.enum(jobFrameworks, { error: `must be one of ${jobFrameworks.join(", ")}` }).optional(),
    sort: z.enum(jobSorts, { error: `must be one of ${jobSorts.join(", ")}` }).default("newest"),
    limit: searchInt("limit", 1, 100).default(JOB_PAGE_SIZE),
    cursor: z.string().optional(),
  })
  .transform((value, ctx): JobSearch => {
    let cursor: JobCursor | undefined;
    if (value.cursor !== undefined) {
      const decoded = decodeJobCursor(value.cursor, value.sort);
      if (typeof decoded === "string") ctx.addIssue({ code: "custom", path: ["cursor"], message: decoded });
      else cursor = decoded;
    }
    if (value.minBudget !== undefined && value.maxBudget !== undefined && value.minBudget > value.maxBudget) {
      ctx.addIssue({ code: "custom", path: ["maxBudget"], message: "maxBudget must be at least minBudget" });
    }
    const { gpuModel = [], cursor: _raw, ...rest } = value;
    void _raw;
    return { ...rest, gpuModel, cursor };
  });

export type RawJobParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Never throws: the filters, or `{ fieldErrors: { <param>: [reason] } }` for a 400 naming the parameter. */
export function parseJobSearchParams(
  params: RawJobParams,
): { ok: true; query: JobSearch } | { ok: false; fieldErrors: Record<string, string[]> } {
  const raw: Record<string, string | string[]> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const name of Object.keys(jobSearchSchema.in.shape)) {
    const values = (params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat())
      .map((v) => v.trim())
      .filter((v) => v !== "");
    if (values.length === 0) continue;
    if (name === "gpuModel") raw[name] = values;
    else if (values.length > 1) fieldErrors[name] = ["must be given at most once"];
    else raw[name] = values[0] as string;
  }
  const result = jobSearchSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) (fieldErrors[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
  }
  if (Object.keys(fieldErrors).length > 0 || !result.success) return { ok: false, fieldErrors };
  return { ok: true, query: result.data };
}

/** The filters as URL parameters, the inverse of parseJobSearchParams (for links and "next page"). */
export function jobSearchToParams(query: Partial<JobSearch>, cursor?: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const g of query.gpuModel ?? []) out.append("gpuModel", g);
  if (query.minVram !== undefined) out.set("minVram", String(query.minVram));
  if (query.minBudget !== undefined) out.set("minBudget", fromBaseUnits(query.minBudget));
  if (query.maxBudget !== undefined) out.set("maxBudget", fromBaseUnits(query.maxBudget));
  if (query.region) out.set("region", query.region);
  if (query.framework) out.set("framework", query.framework);
  if (query.sort && query.sort !== "newest") out.set("sort", query.sort);
  if (cursor) out.set("cursor", cursor);
  return out;
}
