/** Booked over live hours per machine; the bar is decoration, the percentage is the figure. */
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { MachineUtilization } from "@/lib/dashboards/server/utilization";
import type { DashboardT } from "../../_components/types";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export function UtilizationTable({ rows, locale, t }: { rows: MachineUtilization[]; locale: Locale; t: DashboardT }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <TableFrame>
      <Table data-testid="utilization-table">
        <THead>
          <Tr>
            <Th>{t("machine")}</Th>
            <Th numeric>{t("booked")}</Th>
            <Th numeric>{t("available")}</Th>
            <Th>{t("utilizationColumn")}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.machineId} data-testid={`utilization-${r.machineId}`}>
              <Th scope="row">
                {r.gpuCount}× {gpuLabel(r.gpuModel)}, {r.city}
              </Th>
              <Td numeric>{formatNumber(r.bookedHours, locale)}</Td>
              <Td numeric>{formatNumber(r.availableHours, locale)}</Td>
              <Td className="tabular-nums">
                <span aria-hidden className="mr-2 inline-block h-2 w-24 rounded bg-slate-100 align-middle dark:bg-slate-800">
                  <span className="block h-2 rounded bg-brand-600" style={{ width: `${r.perMille / 10}%` }} />
                </span>
                {formatNumber(r.perMille / 1000, locale, { style: "percent", maximumFractionDigits: 1 })}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
