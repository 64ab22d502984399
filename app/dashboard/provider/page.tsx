import type { Metadata } from "next";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { escrowBalance } from "@/lib/dashboards/server/balance";
import { providerEarnings, providerEarningsTotal } from "@/lib/dashboards/server/earnings";
import { machineHistory, openRentals } from "@/lib/dashboards/server/rentals";
import { machineUtilization } from "@/lib/dashboards/server/utilization";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { AmountSection } from "../_components/amount-section";
import { parseRange } from "../_components/range";
import { RentalsTable } from "../_components/rentals-table";
import { DashboardTabs } from "../_components/tabs";
import { BalanceCard } from "./_components/balance-card";
import { MachineHistory } from "./_components/machine-history";
import { UtilizationTable } from "./_components/utilization-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return pageMetadata(`${t("title")}: ${t("providerTab")}`, "providerDashboard");
}
export const dynamic = "force-dynamic";

/** The provider's view: earnings, escrow balance, utilization, open rentals and each machine's orders. */
export default async function ProviderDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageCaller("/dashboard/provider");
  const range = parseRange(await searchParams);
  // The chain reads run beside the database ones; the database queries go one at a time, so one
  // dashboard view holds one pooled connection rather than a burst of them (the embedded dev/e2e
  // database accepts only a handful of connections for the whole stack).
  const chainReads = Promise.all([
    // The page still renders when the chain cannot be read; the card says so.
    escrowBalance(caller.address).catch(() => "unavailable" as const),
    // Without the chain, amounts stay exact in base units rather than divided by a guessed number of decimals.
    tokenInfo().catch(() => ({ decimals: 0, symbol: "base units" })),
  ]);
  const earnings = await providerEarnings(caller.userId, range);
  const total = await providerEarningsTotal(caller.userId);
  const utilization = await machineUtilization(caller.userId);
  const rentals = await openRentals(caller.userId, "provider");
  const history = await machineHistory(caller.userId);
  const [[balance, token], t, tOrders, locale] = await Promise.all([
    chainReads,
    getTranslations("dashboard"),
    getTranslations("orders"),
    getLocale(),
  ]);
  const fmt = (v: bigint) => formatToken(v, locale, token.symbol, token.decimals);
  const inRange = earnings.reduce((s, b) => s + b.amount, 0n);
  const summary = t(range === "day" ? "earningsSummaryDay" : "earningsSummaryMonth", { amount: fmt(inRange) });

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("providerHeading")}</h1>
      <DashboardTabs current="provider" labels={{ tabs: t("tabs"), buyer: t("buyerTab"), provider: t("providerTab") }} />

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="total" className="space-y-1 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <h2 id="total" className="font-semibold">
            {t("earningsTotal")}
          </h2>
          <p className="text-3xl font-semibold tabular-nums" data-testid="earnings-total">
            {fmt(total)}
          </p>
        </section>
        <BalanceCard balance={balance} locale={locale} token={token} t={t} />
      </div>

      <AmountSection
        id="earnings"
        path="/dashboard/provider"
        range={range}
        buckets={earnings}
        summary={summary}
        note={t("earningsNote")}
        locale={locale}
        token={token}
        t={t}
      />

      <section aria-labelledby="utilization" className="space-y-3">
        <h2 id="utilization" className="text-lg font-semibold">
          {t("utilization")}
        </h2>
        <UtilizationTable rows={utilization} locale={locale} t={t} />
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("utilizationNote")}</p>
      </section>

      <section aria-labelledby="rentals" className="space-y-3">
        <h2 id="rentals" className="text-lg font-semibold">
          {t("rentalsHeading")}
        </h2>
        <RentalsTable rentals={rentals} locale={locale} token={token} t={t} tOrders={tOrders} testId="provider-rentals" />
      </section>

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <MachineHistory machines={history} locale={locale} token={token} t={t} tOrders={tOrders} />
      </section>
    </div>
  );
}
