/** Booked over live hours per machine; the bar is decoration, the percentage is the figure. */
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { MachineUtilization } from "@/lib/dashboards/server/utilization";
import type { DashboardT } from "../../_components/types";
import { gpuLabel } from "@/lib/listings/gpu-catalog";

export function UtilizationTable({ rows, locale, t }: { rows: MachineUtilization[]; locale: Locale; t: DashboardT }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="utilization-table">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3">{t("machine")}</th>
            <th scope="col" className="pr-3">{t("booked")}</th>
            <th scope="col" className="pr-3">{t("available")}</th>
            <th scope="col">{t("utilizationColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.machineId} className="border-t border-slate-100 dark:border-slate-800" data-testid={`utilization-${r.machineId}`}>
              <th scope="row" className="py-1 pr-3 font-normal">
                {r.gpuCount}× {gpuLabel(r.gpuModel)}, {r.city}
              </th>
              <td className="pr-3 tabular-nums">{formatNumber(r.bookedHours, locale)}</td>
              <td className="pr-3 tabular-nums">{formatNumber(r.availableHours, locale)}</td>
              <td className="tabular-nums">
                <span aria-hidden className="mr-2 inline-block h-2 w-24 rounded bg-slate-100 align-middle dark:bg-slate-800">
                  <span className="block h-2 rounded bg-brand-600" style={{ width: `${r.perMille / 10}%` }} />
                </span>
                {formatNumber(r.perMille / 1000, locale, { style: "percent", maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
