import type { Metadata } from "next";
import Link from "next/link";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { activeJobs } from "@/lib/dashboards/server/buyer-jobs";
import { buyerReceipts } from "@/lib/dashboards/server/receipts";
import { openRentals } from "@/lib/dashboards/server/rentals";
import { buyerSpend } from "@/lib/dashboards/server/spend";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { AmountSection } from "./_components/amount-section";
import { parseRange } from "./_components/range";
import { ReceiptsTable } from "./_components/receipts-table";
import { RentalsTable } from "./_components/rentals-table";
import { DashboardTabs } from "./_components/tabs";
import { Timeline } from "./_components/timeline";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return pageMetadata(`${t("title")}: ${t("buyerTab")}`, "dashboard");
}
export const dynamic = "force-dynamic";

/** The buyer's view: spend over time, open rentals and jobs with their timelines, and receipts. */
export default async function BuyerDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageCaller("/dashboard");
  const range = parseRange(await searchParams);
  // Without the chain, amounts stay exact in base units rather than divided by a guessed number of decimals.
  const tokenRead = tokenInfo().catch(() => ({ decimals: 0, symbol: "base units" }));
  // One database query at a time: one view holds one pooled connection rather than a burst of them.
  const spend = await buyerSpend(caller.userId, range);
  const rentals = await openRentals(caller.userId, "buyer");
  const jobs = await activeJobs(caller.userId);
  const receipts = await buyerReceipts(caller.userId, 100);
  const [token, t, tOrders, locale] = await Promise.all([tokenRead, getTranslations("dashboard"), getTranslations("orders"), getLocale()]);
  const inRange = spend.reduce((s, b) => s + b.amount, 0n);
  const summary = t(range === "day" ? "spendSummaryDay" : "spendSummaryMonth", {
    amount: formatToken(inRange, locale, token.symbol, token.decimals),
  });

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("buyerHeading")}</h1>
      <DashboardTabs current="buyer" labels={{ tabs: t("tabs"), buyer: t("buyerTab"), provider: t("providerTab") }} />

      <AmountSection
        id="spend"
        path="/dashboard"
        range={range}
        buckets={spend}
        summary={summary}
        note={t("spendNote")}
        locale={locale}
        token={token}
        t={t}
      />

      <section aria-labelledby="active-rentals" className="space-y-3">
        <h2 id="active-rentals" className="text-lg font-semibold">
          {t("activeRentals")}
        </h2>
        <RentalsTable rentals={rentals} locale={locale} token={token} t={t} tOrders={tOrders} testId="buyer-rentals" />
      </section>

      <section aria-labelledby="active-jobs" className="space-y-3">
        <h2 id="active-jobs" className="text-lg font-semibold">
          {t("activeJobs")}
        </h2>
        {jobs.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
        ) : (
          <ul className="space-y-2">
            {jobs.map((j) => (
              <li
                key={j.id}
                className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
                data-testid={`job-${j.id}`}
              >
                <div className="flex flex-wrap items-baseline gap-x-4">
                  <Link href={`/jobs/${j.id}`} className="font-medium underline">
                    {j.title}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">{t(`jobStatus.${j.status}`)}</span>
                </div>
                <Timeline
                  label={t("timeline")}
                  notYet={t("notYet")}
                  locale={locale}
                  steps={j.timeline.map((s) => ({ name: t(`step.${s.step}`), at: s.at }))}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="receipts" className="space-y-3">
        <h2 id="receipts" className="text-lg font-semibold">
          {t("receipts")}
        </h2>
        <ReceiptsTable receipts={receipts} locale={locale} token={token} t={t} tOrders={tOrders} />
      </section>
    </div>
  );
}
