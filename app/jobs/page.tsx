import type { Metadata } from "next";
import Link from "next/link";
import { JobCardView } from "@/components/jobs/job-summary";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { searchJobs } from "@/lib/jobs/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { SmallScreenDisclosure } from "@/components/ui/small-screen-disclosure";
import { BoardFilters } from "./_components/board-filters";
import { buttonClass } from "@/components/ui/button";
import { jobSearchToParams, parseJobSearchParams } from "@/lib/jobs/board-search";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobs"))("title"), "jobs");
}
export const dynamic = "force-dynamic";

/** The public job board: open jobs whose offer deadline has not passed, filtered and sorted by the URL. */
export default async function JobsBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = parseJobSearchParams(raw);
  const [{ symbol, decimals }, result, t, locale] = await Promise.all([
    tokenInfo(),
    parsed.ok ? searchJobs(parsed.query) : Promise.resolve(null),
    getTranslations("jobs"),
    getLocale(),
  ]);
  const nextHref = parsed.ok && result?.nextCursor ? `/jobs?${jobSearchToParams(parsed.query, result.nextCursor)}` : null;
  const firstPage = parsed.ok && parsed.query.cursor === undefined;

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
        </div>
        <div className="flex gap-3 text-sm">
          <Link href="/jobs/mine" className="underline">
            {t("myJobs")}
          </Link>
          <Link href="/provide/jobs" className="underline">
            {t("forMyMachines")}
          </Link>
          <Link href="/jobs/new" className={buttonClass()} data-testid="post-job">
            {t("postJob")}
          </Link>
        </div>
      </div>

      {/* On a phone the filters fold behind a button (open when one has an error to show), so jobs fill the first screen. */}
      <SmallScreenDisclosure breakpoint="sm" summary={t("filterJobs")} defaultOpen={!parsed.ok}>
        <BoardFilters raw={raw} errors={parsed.ok ? {} : (translateFieldErrors(parsed.fieldErrors, locale) ?? {})} t={t} />
      </SmallScreenDisclosure>

      {!parsed.ok ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("invalidFilters")}
        </p>
      ) : result && result.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700" data-testid="jobs-empty">
          <p className="font-medium">{firstPage ? t("emptyFirst") : t("emptyMore")}</p>
          <p className="text-sm text-slate-500">
            {t("emptyHintBefore")}{" "}
            <Link href="/jobs/new" className="underline">
              {t("emptyHintLink")}
            </Link>
            {t("emptyHintAfter")}
          </p>
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="job-list">
          {result?.items.map((job) => (
            <li key={job.id}>
              <JobCardView job={job} symbol={symbol} decimals={decimals} />
            </li>
          ))}
        </ul>
      )}
      {nextHref && (
        <nav aria-label={t("pages")}>
          <Link href={nextHref} className="underline" rel="next" data-testid="next-page">
            {t("nextPage")}
          </Link>
        </nav>
      )}
    </section>
  );
}
