/**
 * The admin overview's daily volume (light bars) and fees (dark bars inside them), drawn by the
 * shared components/charts/bar-chart.tsx; this file only maps the admin's days onto it.
 */
import { BarChart } from "@/components/charts/bar-chart";
import type { VolumeDay } from "@/lib/server/admin/volume";
import { fromBaseUnits } from "@/lib/money";

export function VolumeChart({ days, decimals, symbol }: { days: VolumeDay[]; decimals: number; symbol: string }) {
  const totalVolume = days.reduce((s, d) => s + d.volume, 0n);
  const totalFees = days.reduce((s, d) => s + d.fees, 0n);
  const fmt = (v: bigint) => `${fromBaseUnits(v, decimals)} ${symbol}`;
  return (
    <BarChart
      testId="volume-chart"
      summary={`Settled volume ${fmt(totalVolume)} and fees ${fmt(totalFees)} over the last ${days.length} days`}
      series={[
        { name: "volume", className: "fill-brand-600/40" },
        { name: "fees", className: "fill-brand-700" },
      ]}
      bars={days.map((d) => ({
        key: d.day,
        label: d.day,
        tick: d.day.slice(5),
        values: [d.volume, d.fees],
        cells: [fmt(d.volume), fmt(d.fees), String(d.orders)],
        testId: `volume-day-${d.day}`,
        data: { "data-volume": d.volume.toString(), "data-fees": d.fees.toString() },
      }))}
      columns={["Day (UTC)", "Volume", "Fees", "Orders"]}
      tableLabel="Show as a table"
      tickEvery={7}
      caption={
        <>
          Last {days.length} days (UTC): volume <span data-testid="volume-total">{fmt(totalVolume)}</span>, fees{" "}
          <span data-testid="fees-total">{fmt(totalFees)}</span>. Light bars are volume, dark bars the fees in it.
        </>
      }
    />
  );
}
