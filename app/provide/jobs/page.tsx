import type { Metadata } from "next";
import Link from "next/link";
import { JobCardView } from "@/components/jobs/job-summary";
import { Notice } from "@/components/jobs/notices";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { matchingJobsForProvider, offersForProvider } from "@/lib/jobs/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { withdrawOfferAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobs"))("matchingTitle"), "provideJobs");
}
export const dynamic = "force-dynamic";

/** For providers: open jobs that at least one of my live machines fits, and the offers I made. */
export default async function ProviderJobsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const caller = await requirePageCaller("/provide/jobs");
  const { notice } = await searchParams;
  const matches = await matchingJobsForProvider(caller.userId);
  const offers = await offersForProvider(caller.userId);
  const [{ symbol, decimals }, t, locale] = await Promise.all([tokenInfo(), getTranslations("jobs"), getLocale()]);
  const money = (units: string | bigint) => formatToken(BigInt(units), locale, symbol, decimals);
  return (
    <section className="space-y-8">
      <Notice code={notice} />
      <div className="space-y-3">
        <div className="flex items-end justify-between gap-4">
          <h1 className="text-2xl font-semibold">{t("matchingTitle")}</h1>
          <Link href="/provide" className="text-sm underline">
            {t("myMachines")}
          </Link>
        </div>
        {matches.length === 0 ? (
          <p className="text-slate-500" data-testid="no-matches">
            {t("noMatches")}{" "}
            <Link href="/jobs" className="underline">
              {t("browseAll")}
            </Link>
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" data-testid="matching-jobs">
            {matches.map(({ job, machines, myOfferId }) => (
              <li key={job.id}>
                <JobCardView job={job} symbol={symbol} decimals={decimals}>
                  <p className="text-sm">
                    {t("fits", { machines: machines.map((m) => `${m.gpuCount} × ${gpuSpec(m.gpuModel)?.name ?? m.gpuModel} (${m.country})`).join("; ") })}
                  </p>
                  {myOfferId ? (
                    <p className="text-sm text-slate-500">{t("haveOffer")}</p>
                  ) : (
                    <Link href={`/provide/jobs/${job.id}`} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" data-testid="offer-on-job">
                      {t("makeOffer")}
                    </Link>
                  )}
                </JobCardView>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="space-y-3">
        <h2 className="text-xl font-semibold">{t("myOffers")}</h2>
        {offers.length === 0 ? (
          <p className="text-slate-500">{t("noOffers")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="my-offers">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-medium">{t("colJob")}</th>
                <th className="py-1 font-medium">{t("colTotal")}</th>
                <th className="py-1 font-medium">{t("colStatus")}</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">{t("colActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {offers.map((o) => (
                <tr key={o.id} data-testid="my-offer">
                  <td className="py-2">
                    <Link href={`/jobs/${o.job.id}`} className="underline">
                      {o.job.title}
                    </Link>
                  </td>
                  <td className="py-2 tabular-nums">
                    {money(o.total)} <span className="text-slate-500">{t("perGpuHour", { price: money(o.pricePerGpuHour) })}</span>
                  </td>
                  <td className="py-2 font-mono text-xs" data-testid="my-offer-status">
                    {o.status}
                  </td>
                  <td className="py-2 text-right">
                    {o.status === "PENDING" && (
                      <form action={withdrawOfferAction}>
                        <input type="hidden" name="offerId" value={o.id} />
                        <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-700" data-testid="withdraw-offer">
                          {t("withdraw")}
                        </button>
                      </form>
                    )}
                    {o.status === "ACCEPTED" && (
                      <Link href={`/jobs/${o.job.id}`} className="text-xs underline">
                        {t("runJob")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
