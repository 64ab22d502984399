import "server-only";
/** Public marketplace search: the one function the page and GET /api/v1/listings both call. */
import { queryRows } from "@/lib/core/server/db";
import type { z } from "zod";
import type { listingPageSchema } from "@/lib/listings/listing-dto";
import { publicListingFromRow } from "@/lib/listings/server/dto";
import { COUNT_CAP, countSql, itemsSql, pruneModelsSql, type ListingRow } from "@/lib/listings/server/search-sql";
import {
  activeFilters,
  encodeCursor,
  withoutFilter,
  type FilterName,
  type ListingFilters,
  type SearchQuery,
} from "@/lib/listings/search-schema";

/** What GET /api/v1/listings answers and the marketplace page renders (lib/listings/listing-dto.ts). */
export type SearchResult = z.infer<typeof listingPageSchema>;
/** Exact when `capped` is false; otherwise "more than COUNT_CAP". */
export type ListingTotal = SearchResult["total"];

export async function countListings(filters: ListingFilters): Promise<ListingTotal> {
  const [row] = await queryRows<{ n: number }>(countSql(filters));
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
}

export async function searchListings(query: SearchQuery): Promise<SearchResult> {
  const prune = pruneModelsSql(query);
  const models = prune ? (await queryRows<{ model: string }>(prune)).map((r) => r.model) : undefined;
  const [rows, total] = await Promise.all([queryRows<ListingRow>(itemsSql(query, models)), countListings(query.filters)]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sortKey, id: last.id }) : null;
  return { items: page.map(publicListingFromRow), nextCursor, total };
}

/**
 * For an empty result: the active filter whose removal brings back the most listings, and
 * how many. Runs one capped count per active filter, only when a search found nothing.
 */
export async function suggestRelaxation(filters: ListingFilters): Promise<{ filter: FilterName; total: ListingTotal } | null> {
  const candidates = await Promise.all(
    activeFilters(filters).map(async (filter) => ({ filter, total: await countListings(withoutFilter(filters, filter)) })),
  );
  const best = candidates.sort((a, b) => b.total.count - a.total.count)[0];
  return best && best.total.count > 0 ? best : null;
}
