/**
 * The admin overview's daily volume (light bars) and fees (dark bars inside them), drawn by the
 * shared components/charts/bar-chart.tsx; this file only maps the admin's days onto it.
 */
import { BarChart } from "@/components/charts/bar-chart";
import type { VolumeDay } from "@/lib/admin/server/volume";
import { formatNumber, formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";

export async function VolumeChart({ days, decimals, symbol }: { days: VolumeDay[]; decimals: number; symbol: string }) {
  const [t, locale] = await Promise.all([getTranslations("adminPages"), getLocale()]);
  const totalVolume = days.reduce((s, d) => s + d.volume, 0n);
  const totalFees = days.reduce((s, d) => s + d.fees, 0n);
  const fmt = (v: bigint) => formatToken(v, locale, symbol, decimals);
  return (
    <BarChart
      testId="volume-chart"
      summary={t("chartSummary", { volume: fmt(totalVolume), fees: fmt(totalFees), days: days.length })}
      series={[
        { name: "volume", className: "fill-brand-600/40" },
        { name: "fees", className: "fill-brand-700" },
      ]}
      bars={days.map((d) => ({
        key: d.day,
        label: d.day,
        tick: d.day.slice(5),
        values: [d.volume, d.fees],
        cells: [fmt(d.volume), fmt(d.fees), formatNumber(d.orders, locale)],
        testId: `volume-day-${d.day}`,
        data: { "data-volume": d.volume.toString(), "data-fees": d.fees.toString() },
      }))}
      columns={[t("chartDay"), t("chartVolume"), t("chartFees"), t("chartOrders")]}
      tableLabel={t("chartTable")}
      tickEvery={7}
      caption={
        <>
          {t("chartCaptionBefore", { days: days.length })} <span data-testid="volume-total">{fmt(totalVolume)}</span>
          {t("chartCaptionFees")} <span data-testid="fees-total">{fmt(totalFees)}</span>
          {t("chartCaptionAfter")}
        </>
      }
    />
  );
}
