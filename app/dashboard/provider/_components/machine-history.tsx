/** Each machine with its order count and latest orders, folded so a long history stays out of the way. */
import Link from "next/link";
import { formatDate, formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { MachineHistoryEntry } from "@/lib/dashboards/server/rentals";
import type { DashboardT, OrdersT, Token } from "../../_components/types";
import { gpuLabel } from "@/lib/listings/gpu-catalog";

type Props = { machines: MachineHistoryEntry[]; locale: Locale; token: Token; t: DashboardT; tOrders: OrdersT };

export function MachineHistory({ machines, locale, token, t, tOrders }: Props) {
  if (machines.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <ul className="space-y-2">
      {machines.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid={`history-${m.id}`}>
          <details>
            <summary className="cursor-pointer">
              {m.gpuCount}× {gpuLabel(m.gpuModel)}, {m.city} · {t("orderCount", { count: m.orderCount })}
            </summary>
            {m.orders.length === 0 ? (
              <p className="mt-2 text-slate-600 dark:text-slate-400">{t("none")}</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {m.orders.map((o) => (
                  <li key={o.id} className="flex flex-wrap gap-x-3">
                    <Link href={`/orders/${o.id}`} className="font-mono underline">
                      {o.id.slice(0, 8)}
                    </Link>
                    <span>{formatDate(o.createdAt, locale)}</span>
                    <span className="tabular-nums">
                      {o.hours} h · {formatToken(o.amount, locale, token.symbol, token.decimals)}
                    </span>
                    <span className="text-slate-600 dark:text-slate-400">{tOrders(`status.${o.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
