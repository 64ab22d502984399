/** Open rentals (upcoming and active) for either side, with when each was ordered and paid. */
import Link from "next/link";
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { OpenRental } from "@/lib/dashboards/server/rentals";
import { Timeline } from "./timeline";
import type { DashboardT, OrdersT, Token } from "./types";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { Badge } from "@/components/ui/badge";

export function RentalsTable({
  rentals,
  locale,
  token,
  t,
  tOrders,
  testId,
}: {
  rentals: OpenRental[];
  locale: Locale;
  token: Token;
  t: DashboardT;
  tOrders: OrdersT;
  testId: string;
}) {
  if (rentals.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid={testId}>
      {rentals.map((r) => (
        <li
          key={r.id}
          className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
          data-testid={`rental-${r.id}`}
        >
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <Badge tone={r.upcoming ? "neutral" : "success"} className="font-medium">
              {r.upcoming ? t("upcoming") : t("active")}
            </Badge>
            <Link href={`/orders/${r.id}`} className="font-mono underline">
              {r.id.slice(0, 8)}
            </Link>
            <span>
              {r.gpuCount}× {gpuLabel(r.listing.gpuModel)}, {r.listing.city}
            </span>
            <span className="tabular-nums">
              {r.hours} h · {formatToken(r.amount, locale, token.symbol, token.decimals)}
            </span>
            <span className="text-slate-600 dark:text-slate-400">{tOrders(`status.${r.status}`)}</span>
          </div>
          <Timeline
            label={t("timeline")}
            notYet={t("notYet")}
            locale={locale}
            steps={[
              { name: t("step.created"), at: r.createdAt },
              { name: t("step.funded"), at: r.fundedAt },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}
