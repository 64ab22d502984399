/**
 * A bar chart over time as plain server-rendered SVG: no chart library, no client JavaScript.
 * Values are bigints (token base units); each bar's height is a ratio computed in bigint before the
 * one conversion to a pixel count, so amounts beyond 2^53 still scale correctly.
 *
 * Several series share a bar and are drawn over each other from the baseline, the first widest
 * and lightest: meant for "part of" figures (fees inside volume), not for stacking.
 *
 * Accessible: the SVG is role="img" with a one-line summary as its name, each bar has a <title>,
 * and the same numbers follow as a table under a disclosure, for screen readers and for anyone who
 * wants the exact figures.
 */
import type { ReactNode } from "react";

// Wide enough that the chart fills a page's width at a sensible height; it scales with the width.
const WIDTH = 720;
const HEIGHT = 120;
const GAP = 4;

export interface ChartSeries {
  name: string;
  /** Tailwind fill classes, e.g. "fill-brand-600/40". */
  className: string;
}

export interface ChartBar {
  key: string;
  /** The period as people read it ("2026-03-01", "Mar 2026"); used in titles and the table. */
  label: string;
  /** Short axis label ("03-01"); shown every `tickEvery` bars. */
  tick: string;
  /** One value per series, in the series' order. */
  values: bigint[];
  /** The values formatted for display, one per series (and optional extra columns after them). */
  cells: string[];
  testId?: string;
  data?: Record<`data-${string}`, string>;
}

interface Props {
  /** The accessible name: what the chart shows and its totals, in one sentence. */
  summary: string;
  series: ChartSeries[];
  bars: ChartBar[];
  /** Column headings of the table: the period, then one per cell. */
  columns: string[];
  tableLabel: string;
  caption?: ReactNode;
  tickEvery?: number;
  testId?: string;
}

function px(value: bigint, max: bigint): number {
  return max <= 0n || value <= 0n ? 0 : Number((value * BigInt(HEIGHT)) / max);
}

export function BarChart({ summary, series, bars, columns, tableLabel, caption, tickEvery = 1, testId }: Props) {
  const max = bars.reduce((m, b) => b.values.reduce((mm, v) => (v > mm ? v : mm), m), 0n);
  const slot = bars.length > 0 ? WIDTH / bars.length : WIDTH;
  const bar = Math.max(1, slot - GAP);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
        className="h-auto w-full rounded-xl border border-slate-200 p-2 dark:border-slate-800"
        role="img"
        aria-label={summary}
        data-testid={testId}
      >
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth={0.5} />
        {bars.map((b, i) => {
          const x = i * slot;
          return (
            <g key={b.key} data-testid={b.testId} {...b.data}>
              <title>{`${b.label}: ${series.map((s, j) => `${s.name} ${b.cells[j] ?? ""}`).join(", ")}`}</title>
              {series.map((s, j) => {
                const h = px(b.values[j] ?? 0n, max);
                return <rect key={s.name} x={x} y={HEIGHT - h} width={bar} height={h} className={s.className} />;
              })}
              {i % tickEvery === 0 ? (
                <text x={x} y={HEIGHT + 13} fontSize="10" className="fill-slate-500 dark:fill-slate-400">
                  {b.tick}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {caption ? <figcaption className="text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption> : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{tableLabel}</summary>
        <div className="max-h-64 overflow-auto">
          <table className="mt-2 w-full text-left tabular-nums">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="pr-4 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row" className="pr-4 font-normal">
                    {b.label}
                  </th>
                  {b.cells.map((c, j) => (
                    <td key={j} className="pr-4">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
