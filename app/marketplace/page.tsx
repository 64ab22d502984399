import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { searchListings, suggestRelaxation, type ListingTotal } from "@/lib/listings/server/search";
import {
  activeFilters,
  filtersToParams,
  parseSearchParams,
  withoutFilter,
  type FilterName,
  type ListingFilters,
  type SearchQuery,
} from "@/lib/listings/search-schema";
import { SmallScreenDisclosure } from "@/components/ui/small-screen-disclosure";
import { FilterForm } from "./_components/filter-form";
import { ListingTable } from "./_components/listing-table";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("marketplace"))("title"), "marketplace");
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(filters: ListingFilters, sort: SearchQuery["sort"], cursor?: string): string {
  const qs = filtersToParams(filters, { sort, cursor }).toString();
  return qs ? `/marketplace?${qs}` : "/marketplace";
}

/** "Filters", with how many are on when some are, for the folded button on a phone. */
function filtersSummary(label: string, active: number): string {
  return active > 0 ? `${label} (${active})` : label;
}

function formatTotal(total: ListingTotal, locale: Locale): string {
  return `${formatNumber(total.count, locale)}${total.capped ? "+" : ""}`;
}

async function EmptyState({ query }: { query: SearchQuery }) {
  const hint = activeFilters(query.filters).length > 0 ? await suggestRelaxation(query.filters) : null;
  const [t, locale] = await Promise.all([getTranslations("marketplace"), getLocale()]);
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700" data-testid="empty-state">
      <p className="font-medium">{t("emptyTitle")}</p>
      {hint ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {t("emptyHintBefore")} <strong>{t(`filter.${hint.filter}`)}</strong>.{" "}
          <Link className="text-brand-700 underline dark:text-brand-400" href={href(withoutFilter(query.filters, hint.filter), query.sort)}>
            {t(hint.total.count === 1 ? "emptyHintLinkOne" : "emptyHintLinkOther", { total: formatTotal(hint.total, locale) })}
          </Link>
          .
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("emptyNothingLive")}</p>
      )}
    </div>
  );
}

async function ActiveFilterChips({ query }: { query: SearchQuery }) {
  const active = activeFilters(query.filters);
  if (active.length === 0) return null;
  const t = await getTranslations("marketplace");
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label={t("activeFilters")}>
      {active.map((name: FilterName) => (
        <li key={name}>
          <Link
            href={href(withoutFilter(query.filters, name), query.sort)}
            className="rounded-full border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {t(`filter.${name}`)} ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function MarketplacePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseSearchParams(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("marketplace"), getLocale()]);
  if (!parsed.ok) {
    return (
      <div className="space-y-4" role="alert">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("invalidLink")}</p>
        <ul className="list-disc pl-5 text-sm">
          {Object.entries(translateFieldErrors(parsed.fieldErrors, locale) ?? {}).map(([param, reasons]) => (
            <li key={param}>
              <code>{param}</code>: {reasons.join("; ")}
            </li>
          ))}
        </ul>
        <Link href="/marketplace" className="text-brand-700 underline dark:text-brand-400">
          {t("startAgain")}
        </Link>
      </div>
    );
  }
  const { query } = parsed;
  const result = await searchListings(query);

  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr] lg:gap-8">
      <aside>
        {/* On a phone the filters fold behind a button, so the count and the first rows are on the first screen. */}
        <SmallScreenDisclosure breakpoint="lg" summary={filtersSummary(t("filters"), activeFilters(query.filters).length)}>
          <FilterForm filters={query.filters} sort={query.sort} t={t} />
        </SmallScreenDisclosure>
      </aside>
      <section className="min-w-0 space-y-4" aria-labelledby="results-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="results-heading" className="text-2xl font-semibold">
            {t("heading")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="result-count">
            {t(result.total.count === 1 && !result.total.capped ? "resultsOne" : "resultsOther", {
              total: formatTotal(result.total, locale),
            })}
          </p>
        </div>
        <ActiveFilterChips query={query} />
        {result.items.length === 0 ? (
          <EmptyState query={query} />
        ) : (
          <ListingTable items={result.items} t={t} tAgent={await getTranslations("agent")} locale={locale} />
        )}
        <nav className="flex gap-4 text-sm" aria-label={t("pages")}>
          {query.cursor && (
            <Link href={href(query.filters, query.sort)} className="text-brand-700 underline dark:text-brand-400">
              {t("firstPage")}
            </Link>
          )}
          {result.nextCursor && (
            <Link href={href(query.filters, query.sort, result.nextCursor)} className="text-brand-700 underline dark:text-brand-400">
              {t("nextPage")}
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
