import type { Metadata } from "next";
import Link from "next/link";
import { formatTotal, searchListings, suggestRelaxation } from "@/lib/server/listings/search";
import {
  activeFilters,
  filterLabels,
  filtersToParams,
  parseSearchParams,
  withoutFilter,
  type FilterName,
  type ListingFilters,
  type SearchQuery,
} from "@/lib/validations/listing-search";
import { FilterForm } from "./_components/filter-form";
import { ListingTable } from "./_components/listing-table";

export const metadata: Metadata = { title: "Marketplace" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(filters: ListingFilters, sort: SearchQuery["sort"], cursor?: string): string {
  const qs = filtersToParams(filters, { sort, cursor }).toString();
  return qs ? `/marketplace?${qs}` : "/marketplace";
}

async function EmptyState({ query }: { query: SearchQuery }) {
  const hint = activeFilters(query.filters).length > 0 ? await suggestRelaxation(query.filters) : null;
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700" data-testid="empty-state">
      <p className="font-medium">No live listings match these filters.</p>
      {hint ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          The filter that rules out the most is <strong>{filterLabels[hint.filter]}</strong>.{" "}
          <Link className="text-brand-700 underline" href={href(withoutFilter(query.filters, hint.filter), query.sort)}>
            Remove it to see {formatTotal(hint.total)} listing{hint.total.count === 1 ? "" : "s"}
          </Link>
          .
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Nothing is live right now; check back soon.</p>
      )}
    </div>
  );
}

function ActiveFilterChips({ query }: { query: SearchQuery }) {
  const active = activeFilters(query.filters);
  if (active.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Active filters">
      {active.map((name: FilterName) => (
        <li key={name}>
          <Link
            href={href(withoutFilter(query.filters, name), query.sort)}
            className="rounded-full border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {filterLabels[name]} ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function MarketplacePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) {
    return (
      <div className="space-y-4" role="alert">
        <h1 className="text-2xl font-semibold">Marketplace</h1>
        <p>Some filters in this link are not valid:</p>
        <ul className="list-disc pl-5 text-sm">
          {Object.entries(parsed.fieldErrors).map(([param, reasons]) => (
            <li key={param}>
              <code>{param}</code>: {reasons.join("; ")}
            </li>
          ))}
        </ul>
        <Link href="/marketplace" className="text-brand-700 underline">
          Start again with no filters
        </Link>
      </div>
    );
  }
  const { query } = parsed;
  const result = await searchListings(query);

  return (
    <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
      <aside>
        <FilterForm filters={query.filters} sort={query.sort} />
      </aside>
      <section className="min-w-0 space-y-4" aria-labelledby="results-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="results-heading" className="text-2xl font-semibold">
            GPUs for rent
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="result-count">
            {formatTotal(result.total)} listing{result.total.count === 1 && !result.total.capped ? "" : "s"}
          </p>
        </div>
        <ActiveFilterChips query={query} />
        {result.items.length === 0 ? <EmptyState query={query} /> : <ListingTable items={result.items} />}
        <nav className="flex gap-4 text-sm" aria-label="Pages">
          {query.cursor && (
            <Link href={href(query.filters, query.sort)} className="text-brand-700 underline">
              ← First page
            </Link>
          )}
          {result.nextCursor && (
            <Link href={href(query.filters, query.sort, result.nextCursor)} className="text-brand-700 underline">
              Next page →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
