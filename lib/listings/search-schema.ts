/**
 * Marketplace filters and sorts as URL search parameters, shared by the page, the v1 API,
 * the benchmark and the tests. Parsing never throws: it returns either the filters or
 * `{ fieldErrors: { <param>: [reason] } }` so callers can answer 400 naming the parameter.
 * Empty values (a GET form's untouched inputs) mean "no filter".
 */
import { z } from "zod";
import { modelsMatching, type GpuModelId } from "@/lib/listings/gpu-catalog";
import { fromBaseUnits, toBaseUnits } from "@/lib/core/money";
import { MAX_PRICE_PER_GPU_HOUR } from "@/lib/listings/schema";

export const sorts = ["price", "value", "vram", "tflops", "newest"] as const;
export type Sort = (typeof sorts)[number];

export const DEFAULT_LIMIT = 24;
export const MAX_LIMIT = 100;

export interface ListingFilters {
  gpu: GpuModelId[];
  minGpus?: number;
  minVram?: number;
  /** Base units per GPU-hour. */
  maxPrice?: bigint;
  /** ISO 3166 alpha-2 country code. */
  region?: string;
  /** Download bandwidth in Mbit/s. */
  minBandwidth?: number;
  /** major*10+minor, like the stored column. */
  minCuda?: number;
  /** Provider reliability score, 0-100. */
  minReliability?: number;
  /** Only machines whose agent's heartbeats arrive now (Machine.onlineNow). */
  onlineNow?: true;
  /** Minimum share of the last 30 days online as the agent measured it, in percent (0-100, one decimal). */
  minUptime?: number;
  /** Only machines with GPUs free right now (at least minGpus of them, or one), no order holding them. */
  availableNow?: true;
}

/** The cursor's decoded form: the last row's sort key (as text, exact) and id. */
export interface Cursor {
  sort: Sort;
  key: string;
  id: string;
}

export interface SearchQuery {
  filters: ListingFilters;
  sort: Sort;
  limit: number;
  cursor?: Cursor;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; fieldErrors: Record<string, string[]> };

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const keyPatterns: Record<Sort, RegExp> = {
  price: /^\d{1,30}$/,
  value: /^\d{1,18}$/,
  vram: /^\d{1,9}$/,
  tflops: /^\d{1,11}(\.\d)?$/,
  newest: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
};

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string, sort: Sort): Cursor | string {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return "cursor is not a value this API returned";
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return "cursor is not a value this API returned";
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === "string")) {
    return "cursor is not a value this API returned";
  }
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (cursorSort !== sort) return `cursor belongs to sort "${cursorSort}", not "${sort}"; start again without a cursor`;
  if (!keyPatterns[sort].test(key) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return "cursor is not a value this API returned";
  // Date.parse accepts "2026-02-30"; only a timestamp that round-trips is one the database will take.
  if (sort === "newest" && (Number.isNaN(Date.parse(key)) || new Date(key).toISOString() !== key))
    return "cursor is not a value this API returned";
  return { sort, key, id };
}

function intParam(label: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `${label} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} must be between ${min} and ${max}`);
}

const cudaParam = z
  .string()
  .regex(/^\d{1,2}\.\d$/, "must be a CUDA version like 12.4")
  .transform((v) => {
    const [major, minor] = v.split(".");
    return Number(major) * 10 + Number(minor);
  });

const priceParam = z.string().transform((v, ctx) => {
  try {
    const units = toBaseUnits(v);
    // Bounded like a listing's own price: a bigger cap matches the same rows and overflowed the search SQL.
    if (units > MAX_PRICE_PER_GPU_HOUR) {
      ctx.addIssue({ code: "custom", message: `must be at most ${(MAX_PRICE_PER_GPU_HOUR / 10n ** 6n).toLocaleString("en-US")}` });
      return z.NEVER;
    }
    if (units > 0n) return units;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: "must be a positive decimal price like 1.85 (at most 6 decimal places)" });
  return z.NEVER;
});

const single = {
  minGpus: intParam("minGpus", 1, 64),
  minVram: intParam("minVram", 1, 1024),
  maxPrice: priceParam,
  region: z
    .string()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code like DE"),
  minBandwidth: intParam("minBandwidth", 1, 400_000),
  minCuda: cudaParam,
  minReliability: intParam("minReliability", 0, 100),
  // A checkbox sends "1"; "0"/"false" (a link that turns it off) means no filter.
  onlineNow: z
    .enum(["1", "true", "0", "false"], { error: "must be 1 or 0" })
    .transform((v) => (v === "1" || v === "true" ? true : undefined)),
  availableNow: z
    .enum(["1", "true", "0", "false"], { error: "must be 1 or 0" })
    .transform((v) => (v === "1" || v === "true" ? true : undefined)),
  minUptime: z
    .string()
    .regex(/^\d{1,3}(\.\d)?$/, "must be a percentage like 99.5")
    .transform(Number)
    .refine((n) => n <= 100, "must be between 0 and 100"),
  sort: z.enum(sorts, { error: `must be one of ${sorts.join(", ")}` }),
  limit: intParam("limit", 1, MAX_LIMIT),
} as const;

type SingleName = keyof typeof single;

function read(params: RawParams, name: string): string[] {
  const values = params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

export function parseSearchParams(params: RawParams): ParseResult {
  const fieldErrors: Record<string, string[]> = {};
  const values: Partial<Record<SingleName, unknown>> = {};

  for (const name of Object.keys(single) as SingleName[]) {
    const raw = read(params, name);
    if (raw.length === 0) continue;
    if (raw.length > 1) {
      fieldErrors[name] = ["must be given at most once"];
      continue;
    }
    const result = single[name].safeParse(raw[0]);
    if (result.success) values[name] = result.data;
    else fieldErrors[name] = result.error.issues.map((i) => i.message);
  }

  // gpu may repeat (?gpu=A&gpu=B, what a checkbox form sends) or be comma-separated; a family ("H100") means every variant.
  const requested = [
    ...new Set(
      read(params, "gpu")
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = requested.filter((g) => modelsMatching(g) === undefined);
  if (unknown.length > 0) fieldErrors.gpu = [`unknown GPU model ${unknown.map((u) => `"${u}"`).join(", ")}`];
  const gpu = [...new Set(requested.flatMap((g) => modelsMatching(g) ?? []))];

  const sort = (values.sort as Sort | undefined) ?? "price";
  let cursor: Cursor | undefined;
  const rawCursor = read(params, "cursor");
  if (rawCursor.length > 1) fieldErrors.cursor = ["must be given at most once"];
  else if (rawCursor[0] !== undefined) {
    const decoded = decodeCursor(rawCursor[0], sort);
    if (typeof decoded === "string") fieldErrors.cursor = [decoded];
    else cursor = decoded;
  }

  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    query: {
      filters: {
        gpu,
        minGpus: values.minGpus as number | undefined,
        minVram: values.minVram as number | undefined,
        maxPrice: values.maxPrice as bigint | undefined,
        region: values.region as string | undefined,
        minBandwidth: values.minBandwidth as number | undefined,
        minCuda: values.minCuda as number | undefined,
        minReliability: values.minReliability as number | undefined,
        onlineNow: values.onlineNow as true | undefined,
        minUptime: values.minUptime as number | undefined,
        availableNow: values.availableNow as true | undefined,
      },
      sort,
      limit: (values.limit as number | undefined) ?? DEFAULT_LIMIT,
      cursor,
    },
  };
}

export type FilterName = Exclude<keyof ListingFilters, never>;
export const filterNames: FilterName[] = [
  "gpu",
  "minGpus",
  "minVram",
  "maxPrice",
  "region",
  "minBandwidth",
  "minCuda",
  "minReliability",
  "onlineNow",
  "minUptime",
  "availableNow",
];

/** Filters as URL parameters, the inverse of parseSearchParams (prices back to decimals, CUDA to "12.4"). */
export function filtersToParams(filters: ListingFilters, extra: { sort?: Sort; cursor?: string } = {}): URLSearchParams {
  const out = new URLSearchParams();
  for (const g of filters.gpu) out.append("gpu", g);
  if (filters.minGpus !== undefined) out.set("minGpus", String(filters.minGpus));
  if (filters.minVram !== undefined) out.set("minVram", String(filters.minVram));
  if (filters.maxPrice !== undefined) out.set("maxPrice", fromBaseUnits(filters.maxPrice));
  if (filters.region !== undefined) out.set("region", filters.region);
  if (filters.minBandwidth !== undefined) out.set("minBandwidth", String(filters.minBandwidth));
  if (filters.minCuda !== undefined) out.set("minCuda", formatCuda(filters.minCuda));
  if (filters.minReliability !== undefined) out.set("minReliability", String(filters.minReliability));
  if (filters.onlineNow) out.set("onlineNow", "1");
  if (filters.minUptime !== undefined) out.set("minUptime", String(filters.minUptime));
  if (filters.availableNow) out.set("availableNow", "1");
  if (extra.sort && extra.sort !== "price") out.set("sort", extra.sort);
  if (extra.cursor) out.set("cursor", extra.cursor);
  return out;
}

/** The same filters without one of them (for "remove this filter" links and empty-state hints). */
export function withoutFilter(filters: ListingFilters, name: FilterName): ListingFilters {
  return name === "gpu" ? { ...filters, gpu: [] } : { ...filters, [name]: undefined };
}

export function activeFilters(filters: ListingFilters): FilterName[] {
  return filterNames.filter((name) => (name === "gpu" ? filters.gpu.length > 0 : filters[name] !== undefined));
}

export function formatCuda(cuda: number): string {
  return cuda === 0 ? "none (ROCm)" : `${Math.floor(cuda / 10)}.${cuda % 10}`;
}
