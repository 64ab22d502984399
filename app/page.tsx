import Link from "next/link";
import { formatDollars, formatNumber } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { getMarketStats } from "@/lib/listings/server/market-stats";
import { buttonClass } from "@/components/ui/button";

// Figures are read from the database on every request: a cached page would show yesterday's market.
export const dynamic = "force-dynamic";

const providerPoints = ["owner1", "owner2", "owner3"] as const;
const buyerPoints = ["buyer1", "buyer2", "buyer3"] as const;

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function LandingPage() {
  const [stats, t, locale] = await Promise.all([getMarketStats(), getTranslations("landing"), getLocale()]);
  return (
    <div className="space-y-14">
      <section className="max-w-3xl space-y-5 pt-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          {t("title")} <span className="text-brand-600">{t("titleAccent")}</span>
        </h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">{t("intro")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/marketplace" className={buttonClass({ size: "lg" })}>
            {t("browse")}
          </Link>
          <Link href="/provide" className={buttonClass({ variant: "secondary", size: "lg" })}>
            {t("listMachine")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="live-figures">
        <h2 id="live-figures" className="mb-4 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          {t("figures")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Stat label={t("liveListings")} value={formatNumber(stats.liveListings, locale)} testId="stat-live-listings" />
          <Stat label={t("gpusAvailable")} value={formatNumber(stats.gpusAvailable, locale)} testId="stat-gpus-available" />
          <Stat
            label={t("cheapestH100")}
            value={stats.cheapestH100 === null ? "—" : formatDollars(stats.cheapestH100, locale)}
            testId="stat-cheapest-h100"
          />
        </dl>
      </section>

      <section className="grid gap-8 md:grid-cols-2">
        <div className="space-y-3">
          <h2 className="text-2xl font-semibold">{t("forOwners")}</h2>
          <ul className="list-disc space-y-2 pl-5 text-slate-700 dark:text-slate-300">
            {providerPoints.map((p) => (
              <li key={p}>{t(p)}</li>
            ))}
          </ul>
        </div>
        <div className="space-y-3">
          <h2 className="text-2xl font-semibold">{t("forBuyers")}</h2>
          <ul className="list-disc space-y-2 pl-5 text-slate-700 dark:text-slate-300">
            {buyerPoints.map((p) => (
              <li key={p}>{t(p)}</li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
