/** Daily or monthly: two links that keep the choice in the URL, so the toggle needs no client JavaScript. */
import Link from "next/link";
import type { Granularity } from "@/lib/dashboards/periods";

export function RangeToggle({
  path,
  current,
  labels,
}: {
  path: string;
  current: Granularity;
  labels: { range: string; daily: string; monthly: string };
}) {
  const options = [
    { value: "day", label: labels.daily },
    { value: "month", label: labels.monthly },
  ] as const;
  return (
    <div
      role="group"
      aria-label={labels.range}
      className="inline-flex overflow-hidden rounded-lg border border-slate-200 text-sm dark:border-slate-700"
    >
      {options.map((o) => (
        <Link
          key={o.value}
          href={`${path}?range=${o.value}`}
          aria-current={o.value === current ? "true" : undefined}
          data-testid={`range-${o.value}`}
          scroll={false}
          className={`px-3 py-1 ${o.value === current ? "bg-brand-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
        >
          {o.label}
        </Link>
      ))}
    </div>
  );
}
