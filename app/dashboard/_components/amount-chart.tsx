/** Earnings or spend per period on the shared bar chart, labelled in the viewer's language (UTC periods). */
import { BarChart } from "@/components/charts/bar-chart";
import { formatDate, formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { AmountBucket, Granularity } from "@/lib/dashboards/periods";

interface Props {
  buckets: AmountBucket[];
  granularity: Granularity;
  locale: Locale;
  token: { decimals: number; symbol: string };
  summary: string;
  seriesName: string;
  labels: { period: string; amount: string; orders: string; showTable: string };
  testId: string;
}

function periodLabel(key: string, granularity: Granularity, locale: Locale): string {
  if (granularity === "day") return formatDate(new Date(`${key}T00:00:00Z`), locale);
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${key}-01T00:00:00Z`));
}

export function AmountChart({ buckets, granularity, locale, token, summary, seriesName, labels, testId }: Props) {
  return (
    <BarChart
      testId={testId}
      summary={summary}
      series={[{ name: seriesName, className: "fill-brand-600" }]}
      bars={buckets.map((b) => ({
        key: b.key,
        label: periodLabel(b.key, granularity, locale),
        tick: granularity === "day" ? b.key.slice(5) : b.key,
        values: [b.amount],
        cells: [formatToken(b.amount, locale, token.symbol, token.decimals), String(b.orders)],
        testId: `${testId}-${b.key}`,
        data: { "data-amount": b.amount.toString() },
      }))}
      columns={[labels.period, labels.amount, labels.orders]}
      tableLabel={labels.showTable}
      tickEvery={granularity === "day" ? 7 : 2}
    />
  );
}
