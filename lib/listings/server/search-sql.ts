/**
 * The marketplace query, as SQL. Kept apart from the database client so the benchmark can run
 * exactly these statements directly as its floor. No "server-only" here for that reason; it
 * reads nothing secret.
 *
 * Shapes that keep it fast at a million listings (see the marketplace migration):
 * - every sort is a (status, key, id) btree walk: price and value ascending, VRAM, total TFLOPS
 *   and newest descending (the same index read backwards); keyset pagination continues the walk
 *   with a row comparison, so page 100 costs what page 1 costs;
 * - a search for some GPU models walks (status, gpuModel, key, id) per model (see itemsSql);
 * - banned providers are excluded with NOT IN over the tiny partial index of banned users
 *   (a hashed subplan), never a join per candidate row;
 * - the total is counted only up to COUNT_CAP rows, shown as "1,000+" beyond that, as an
 *   index-only scan of a covering index (Machine_search_count_idx);
 * - provider reliability is a column of the listing (kept in step with User.reliability).
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { gpuCatalog } from "@/lib/listings/gpu-catalog";
import type { PublicListing } from "@/lib/listings/listing-dto";
import type { ListingFilters, SearchQuery, Sort } from "@/lib/listings/search-schema";

/** Totals above this show as "1,000+": counting further would cost more than the page itself. */
export const COUNT_CAP = 1_000;

interface SortSpec {
  column: Prisma.Sql;
  /** The key as exact text, for the cursor. */
  keyText: Prisma.Sql;
  /** How the cursor's text goes back to the column's type. */
  cast: (key: string) => Prisma.Sql;
  desc: boolean;
}

const sortSpecs: Record<Sort, SortSpec> = {
  price: {
    column: Prisma.sql`m."pricePerGpuHour"`,
    keyText: Prisma.sql`m."pricePerGpuHour"::text`,
    cast: (k) => Prisma.sql`${k}::numeric`,
    desc: false,
  },
  value: { column: Prisma.sql`m."valueKey"`, keyText: Prisma.sql`m."valueKey"::text`, cast: (k) => Prisma.sql`${k}::bigint`, desc: false },
  vram: { column: Prisma.sql`m."vramGb"`, keyText: Prisma.sql`m."vramGb"::text`, cast: (k) => Prisma.sql`${k}::int`, desc: true },
  tflops: {
    column: Prisma.sql`m."totalTflops"`,
    keyText: Prisma.sql`m."totalTflops"::text`,
    cast: (k) => Prisma.sql`${k}::numeric`,
    desc: true,
  },
  newest: {
    column: Prisma.sql`m."createdAt"`,
    keyText: Prisma.sql`to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    cast: (k) => Prisma.sql`${k}::timestamp(3)`,
    desc: true,
  },
};

/** The WHERE conditions for the public, filtered set (no cursor). */
export function filterConditions(filters: ListingFilters, opts: { modelCondition: boolean } = { modelCondition: true }): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`m.status = 'LIVE'`, Prisma.sql`m."providerId" NOT IN (SELECT b.id FROM "User" b WHERE b.banned)`];
  // minVram is applied as a set of models (see candidateModels), never as a vramGb range: the
  // planner would otherwise prefer the VRAM index and sort, where walking the sort index is cheap.
  const models = opts.modelCondition ? candidateModels(filters) : null;
  if (models?.length === 0) where.push(Prisma.sql`false`);
  else if (models?.length === 1) where.push(Prisma.sql`m."gpuModel" = ${models[0]}`);
  else if (models) where.push(Prisma.sql`m."gpuModel" IN (${Prisma.join(models)})`);
  if (filters.minGpus !== undefined) where.push(Prisma.sql`m."gpuCount" >= ${filters.minGpus}`);
  if (filters.maxPrice !== undefined) where.push(Prisma.sql`m."pricePerGpuHour" <= ${filters.maxPrice.toString()}::numeric`);
  if (filters.region !== undefined) where.push(Prisma.sql`m.country = ${filters.region}`);
  if (filters.minBandwidth !== undefined) where.push(Prisma.sql`m."downloadMbps" >= ${filters.minBandwidth}`);
  if (filters.minCuda !== undefined) where.push(Prisma.sql`m."cudaVersion" >= ${filters.minCuda}`);
  if (filters.minReliability !== undefined) {
    where.push(Prisma.sql`m."providerReliability" >= ${filters.minReliability}`);
  }
  // Both kept on the listing by the machine agent's heartbeats and sweep (lib/machines/server), so no join.
  if (filters.onlineNow) where.push(Prisma.sql`m."onlineNow"`);
  if (filters.minUptime !== undefined) where.push(Prisma.sql`m."uptime30dBp" >= ${Math.round(filters.minUptime * 100)}`);
  // The reserved-GPU copy on the listing (lib/orders/server/capacity.ts); holds that all ended count as
  // free even before the sweep refreshes the copy.
  if (filters.availableNow) {
    where.push(
      Prisma.sql`(m."reservedUntil" IS NULL OR m."reservedUntil" <= now() OR m."gpuCount" - m."gpusReserved" >= ${Math.max(1, filters.minGpus ?? 1)})`,
    );
  }
  return where;
}

/**
 * VRAM is a property of the GPU model (copied from the catalog), so a minimum VRAM is also a
 * set of models, and so is a minimum CUDA version (NVIDIA only); together with the gpu filter
 * they give the models a search can return, or null for "any model".
 */
export function candidateModels(filters: ListingFilters): string[] | null {
  let models: string[] | null = filters.gpu.length > 0 ? [...filters.gpu] : null;
  if (filters.minVram !== undefined) {
    const minVram = filters.minVram;
    const byVram = gpuCatalog.filter((g) => g.vramGb >= minVram).map((g) => g.id as string);
    models = models ? models.filter((m) => byVram.includes(m)) : byVram;
  }
  // Only NVIDIA machines have a CUDA version (lib/listings/schema.ts enforces it).
  if (filters.minCuda !== undefined && filters.minCuda > 0 && models) {
    models = models.filter((m) => gpuCatalog.find((g) => g.id === m)?.vendor === "NVIDIA");
  }
  return models;
}

function selectList(spec: SortSpec): Prisma.Sql {
  return Prisma.sql`m.id, m."providerId", m."gpuModel", m."gpuCount", m."vramGb", m."tflopsPerGpu"::text AS "tflopsPerGpu",
    m."totalTflops"::text AS "totalTflops", m."valueKey"::text AS "valueKey", m."cpuCores", m."ramGb", m."diskGb",
    m."uploadMbps", m."downloadMbps", m.country, m.city, m."cudaVersion", m."driverVersion",
    m."pricePerGpuHour"::text AS "pricePerGpuHour", m."minHours", m."maxHours", m."createdAt", m."providerReliability",
    m."agentReportedAt", m."onlineNow", m."uptime30dBp", m."splittable", m."gpusReserved", m."reservedUntil",
    ${spec.column} AS k, ${spec.keyText} AS "sortKey"`;
}

/**
 * One page of results: limit + 1 rows, so the caller knows whether there is a next page.
 *
 * When the search names models (directly or through minVram) it runs one branch per model,
 * each walking its (status, gpuModel, key, id) index, merged by PostgreSQL (Merge Append):
 * prices and VRAM correlate strongly with the model, so walking one global index while
 * filtering by model can skip most of the table. (Splitting every search into all 28 models
 * was tried for "maximum price + VRAM sort" and rejected: planning 28 branches costs ~40 ms.)
 */
/**
 * A maximum price with a sort other than price cannot use the price index, and cheap listings
 * are concentrated in a few models. When this returns a query, run it first: it keeps only the
 * models that have a live listing at or under the price (one index probe per model), and
 * itemsSql then walks just those models.
 */
export function pruneModelsSql(query: SearchQuery): Prisma.Sql | null {
  const { maxPrice } = query.filters;
  if (maxPrice === undefined || query.sort === "price") return null;
  const models = candidateModels(query.filters) ?? gpuCatalog.map((g) => g.id as string);
  return Prisma.sql`
    SELECT g.model FROM unnest(${models}::text[]) AS g(model)
     WHERE EXISTS (SELECT 1 FROM "Machine" x
                    WHERE x.status = 'LIVE' AND x."gpuModel" = g.model AND x."pricePerGpuHour" <= ${maxPrice.toString()}::numeric)`;
}

/** Thousandths of a base unit per TFLOP-hour that `maxPrice` can reach on `model` (valueKey is monotonic in price). */
function valueBound(model: string, maxPrice: bigint): Prisma.Sql | null {
  const spec = gpuCatalog.find((g) => g.id === model);
  if (!spec) return null;
  const tenths = BigInt(Math.round(spec.tflops * 10));
  return Prisma.sql`m."valueKey" <= ${((maxPrice * 10_000n * 2n + tenths) / (2n * tenths)).toString()}::bigint`;
}

/** `models`: the result of pruneModelsSql when it returned a query. */
export function itemsSql(query: SearchQuery, models?: string[]): Prisma.Sql {
  const spec = sortSpecs[query.sort];
  const dir = spec.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // The model condition is added below: one equality per branch, from `split`.
  const split = models ?? candidateModels(query.filters);
  const where = filterConditions(query.filters, { modelCondition: false });
  if (split?.length === 1) {
    where.push(Prisma.sql`m."gpuModel" = ${split[0]}`);
    const bound =
      query.sort === "value" && query.filters.maxPrice !== undefined ? valueBound(split[0] as string, query.filters.maxPrice) : null;
    if (bound) where.push(bound);
  }
  if (query.cursor) {
    const op = spec.desc ? Prisma.sql`<` : Prisma.sql`>`;
    where.push(Prisma.sql`(${spec.column}, m.id) ${op} (${spec.cast(query.cursor.key)}, ${query.cursor.id})`);
  }
  const limit = query.limit + 1;

  let inner: Prisma.Sql;
  if (split === null || split.length === 1) {
    inner = Prisma.sql`SELECT ${selectList(spec)} FROM "Machine" m
      WHERE ${Prisma.join(where, " AND ")} ORDER BY ${spec.column} ${dir}, m.id ${dir} LIMIT ${limit}`;
  } else if (split.length === 0) {
    inner = Prisma.sql`SELECT ${selectList(spec)} FROM "Machine" m WHERE false`;
  } else {
    const branches = split.map((model) => {
      const conditions = [...where, Prisma.sql`m."gpuModel" = ${model}`];
      // Lets the value walk stop where the price cap is reached instead of filtering to the end.
      const bound = query.sort === "value" && query.filters.maxPrice !== undefined ? valueBound(model, query.filters.maxPrice) : null;
      if (bound) conditions.push(bound);
      return Prisma.sql`(SELECT ${selectList(spec)} FROM "Machine" m
        WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${spec.column} ${dir}, m.id ${dir} LIMIT ${limit})`;
    });
    inner = Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) b ORDER BY b.k ${dir}, b.id ${dir} LIMIT ${limit}`;
  }
  // Provider details are looked up only for the rows on the page, by primary key.
  return Prisma.sql`
    SELECT p.*,
           (SELECT u.address FROM "User" u WHERE u.id = p."providerId") AS "providerAddress"
      FROM (${inner}) p
     ORDER BY p.k ${dir}, p.id ${dir}`;
}

/** How many listings match, counting at most COUNT_CAP + 1 rows. */
export function countSql(filters: ListingFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Machine" m WHERE ${Prisma.join(filterConditions(filters), " AND ")} LIMIT ${COUNT_CAP + 1}
    ) capped`;
}

/** The public fields the DTO computes rather than copies from the row. */
type DerivedFields = "gpuModel" | "gpuName" | "cudaVersion" | "pricePerTflopHour" | "createdAt" | "provider" | "agent" | "availability";

/**
 * A listing as stored, in this SQL's shape (single-listing reads normalise to it too): the fields
 * copied as they are have their types from the one listing schema (lib/listings/listing-dto.ts),
 * the rest are the stored forms the DTO derives its fields from.
 */
export type ListingFields = Omit<PublicListing, DerivedFields> & {
  gpuModel: string;
  /** major*10+minor; 0 for no CUDA (ROCm). */
  cudaVersion: number;
  /** Thousandths of a base unit per TFLOP-hour (the generated "valueKey" column), as text. */
  valueKey: string;
  createdAt: Date;
  providerAddress: string;
  providerReliability: number;
  /** The machine agent's columns (lib/machines/server keeps them): last hardware report, heartbeats arriving, uptime in basis points. */
  agentReportedAt: Date | null;
  onlineNow: boolean;
  uptime30dBp: number | null;
  /** Capacity (lib/orders/server/capacity.ts keeps the copy): rentable in parts, GPUs held now, and until when. */
  splittable: boolean;
  gpusReserved: number;
  reservedUntil: Date | null;
};

/** One search row: the listing, its provider's id and the sort key (k) with its text form for the cursor. */
export type ListingRow = ListingFields & { providerId: string; k: unknown; sortKey: string };
