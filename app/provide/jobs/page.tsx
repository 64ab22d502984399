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
import { Button, buttonClass } from "@/components/ui/button";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

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
                    {t("fits", {
                      machines: machines.map((m) => `${m.gpuCount} × ${gpuSpec(m.gpuModel)?.name ?? m.gpuModel} (${m.country})`).join("; "),
                    })}
                  </p>
                  {myOfferId ? (
                    <p className="text-sm text-slate-500">{t("haveOffer")}</p>
                  ) : (
                    <Link href={`/provide/jobs/${job.id}`} className={buttonClass()} data-testid="offer-on-job">
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
          <TableFrame>
            <Table data-testid="my-offers">
              <THead>
                <Tr>
                  <Th>{t("colJob")}</Th>
                  <Th>{t("colTotal")}</Th>
                  <Th>{t("colStatus")}</Th>
                  <Th>
                    <span className="sr-only">{t("colActions")}</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {offers.map((o) => (
                  <Tr key={o.id} data-testid="my-offer">
                    <Td>
                      <Link href={`/jobs/${o.job.id}`} className="underline">
                        {o.job.title}
                      </Link>
                    </Td>
                    <Td className="tabular-nums">
                      {money(o.total)} <span className="text-slate-500">{t("perGpuHour", { price: money(o.pricePerGpuHour) })}</span>
                    </Td>
                    <Td className="font-mono text-xs" data-testid="my-offer-status">
                      {o.status}
                    </Td>
                    <Td className="text-right">
                      {o.status === "PENDING" && (
                        <form action={withdrawOfferAction}>
                          <input type="hidden" name="offerId" value={o.id} />
                          <Button type="submit" variant="secondary" size="sm" data-testid="withdraw-offer">
                            {t("withdraw")}
                          </Button>
                        </form>
                      )}
                      {o.status === "ACCEPTED" && (
                        <Link href={`/jobs/${o.job.id}`} className="text-xs underline">
                          {t("runJob")}
                        </Link>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </TableFrame>
        )}
      </div>
    </section>
  );
}
