import type { Metadata } from "next";
import Link from "next/link";
import { VolumeChart } from "@/app/admin/_components/volume-chart";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { adminOverview } from "@/lib/admin/server/overview";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { tokenInfo } from "@/lib/chain/server/token-info";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("admin"))("title"), "admin");
}

function Stat({ label, value, href, testId, locale }: { label: string; value: number; href?: string; testId: string; locale: Locale }) {
  const body = (
    <>
      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
      <div className="text-3xl font-semibold tabular-nums" data-testid={testId}>
        {formatNumber(value, locale)}
      </div>
    </>
  );
  return (
    <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">{href ? <Link href={href}>{body}</Link> : body}</div>
  );
}

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const o = await adminOverview();
  // Without the chain the chart still renders, in base units rather than a guessed number of decimals.
  const token = await tokenInfo().catch(() => ({ decimals: 0, symbol: "base units" }));
  const max = Math.max(1, ...o.listingsByStatus.map((s) => s.count));
  const [t, tStatus, locale] = await Promise.all([getTranslations("admin"), getTranslations("listingStatus"), getLocale()]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <div className="grid gap-4 sm:grid-cols-4">
        <Stat label={t("pendingReviews")} value={o.pendingReviews} href="/admin/moderation" testId="stat-pending" locale={locale} />
        <Stat label={t("openReports")} value={o.openReports} href="/admin/reports" testId="stat-reports" locale={locale} />
        <Stat label={t("bannedUsers")} value={o.bannedUsers} href="/admin/users" testId="stat-banned" locale={locale} />
        <Stat label={t("openDisputes")} value={o.openDisputes} href="/admin/disputes" testId="stat-disputes" locale={locale} />
      </div>

      <section aria-labelledby="by-status" className="space-y-3">
        <h2 id="by-status" className="text-lg font-semibold">
          {t("byStatus")}
        </h2>
        <ul className="space-y-1.5" role="list">
          {o.listingsByStatus.map((s) => (
            <li key={s.status} className="grid grid-cols-[8rem_1fr_4rem] items-center gap-3 text-sm">
              <span>{tStatus(s.status)}</span>
              <span className="h-3 rounded bg-slate-100 dark:bg-slate-800" aria-hidden>
                <span className="block h-3 rounded bg-brand-600" style={{ width: `${(s.count / max) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums" data-testid={`status-count-${s.status}`}>
                {formatNumber(s.count, locale)}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="volume" className="space-y-2">
        <h2 id="volume" className="text-lg font-semibold">
          {t("volume")}
        </h2>
        <VolumeChart days={o.volume} decimals={token.decimals} symbol={token.symbol} />
      </section>
    </div>
  );
}
