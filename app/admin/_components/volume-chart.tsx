/**
 * Daily volume (bar) and fees (darker inner bar) as plain server-rendered SVG: no chart library, no
 * client JavaScript. Heights are ratios of bigint sums, computed in bigint before the one conversion
 * to a pixel count.
 */
import type { VolumeDay } from "@/lib/server/admin/volume";
import { fromBaseUnits } from "@/lib/money";

const HEIGHT = 120;
const BAR = 14;
const GAP = 4;

function px(value: bigint, max: bigint): number {
  return max === 0n ? 0 : Number((value * BigInt(HEIGHT)) / max);
}

export function VolumeChart({ days, decimals, symbol }: { days: VolumeDay[]; decimals: number; symbol: string }) {
  const max = days.reduce((m, d) => (d.volume > m ? d.volume : m), 0n);
  const totalVolume = days.reduce((s, d) => s + d.volume, 0n);
  const totalFees = days.reduce((s, d) => s + d.fees, 0n);
  const width = days.length * (BAR + GAP);
  const fmt = (v: bigint) => `${fromBaseUnits(v, decimals)} ${symbol}`;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + 16}`}
        className="h-40 w-full rounded-xl border border-slate-200 p-2 dark:border-slate-800"
        role="img"
        aria-label={`Settled volume ${fmt(totalVolume)} and fees ${fmt(totalFees)} over the last ${days.length} days`}
        data-testid="volume-chart"
      >
        {days.map((d, i) => {
          const x = i * (BAR + GAP);
          const h = px(d.volume, max);
          const f = px(d.fees, max);
          return (
            <g key={d.day} data-testid={`volume-day-${d.day}`} data-volume={d.volume.toString()} data-fees={d.fees.toString()}>
              <title>{`${d.day}: ${fmt(d.volume)} volume, ${fmt(d.fees)} fees, ${d.orders} orders`}</title>
              <rect x={x} y={HEIGHT - h} width={BAR} height={h} className="fill-brand-600/40" />
              <rect x={x} y={HEIGHT - f} width={BAR} height={f} className="fill-brand-700" />
              {i % 7 === 0 ? (
                <text x={x} y={HEIGHT + 12} fontSize="8" className="fill-slate-500">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        Last {days.length} days (UTC): volume <span data-testid="volume-total">{fmt(totalVolume)}</span>, fees{" "}
        <span data-testid="fees-total">{fmt(totalFees)}</span>. Light bars are volume, dark bars the fees in it.
      </figcaption>
    </figure>
  );
}
