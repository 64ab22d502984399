/** A dashboard section for money over time (the buyer's spend, the provider's earnings): heading, range switch, chart, note. */
import type { Locale } from "@/lib/i18n/locales";
import type { AmountBucket, Granularity } from "@/lib/dashboards/periods";
import { AmountChart } from "./amount-chart";
import { RangeToggle } from "./range-toggle";
import type { DashboardT, Token } from "./types";

interface Props {
  /** "spend" or "earnings": the heading id and the test ids derive from it. */
  id: "spend" | "earnings";
  /** The page the range switch links to. */
  path: string;
  range: Granularity;
  buckets: AmountBucket[];
  summary: string;
  note: string;
  locale: Locale;
  token: Token;
  t: DashboardT;
}

export function AmountSection({ id, path, range, buckets, summary, note, locale, token, t }: Props) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {t(id)}
        </h2>
        <RangeToggle path={path} current={range} labels={{ range: t("range"), daily: t("daily"), monthly: t("monthly") }} />
      </div>
      <p className="text-sm" data-testid={`${id}-in-range`}>
        {summary}
      </p>
      <AmountChart
        testId={`${id}-chart`}
        buckets={buckets}
        granularity={range}
        locale={locale}
        token={token}
        summary={summary}
        seriesName={t(id)}
        labels={{ period: t("period"), amount: t("amount"), orders: t("orders"), showTable: t("showTable") }}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">{note}</p>
    </section>
  );
}
