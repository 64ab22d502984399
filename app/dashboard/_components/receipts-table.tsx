/** The buyer's receipts with the escrow transactions behind each, and the CSV download of all of them. */
import Link from "next/link";
import { formatDate, formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Receipt } from "@/lib/dashboards/server/receipts";
import type { DashboardT, OrdersT, Token } from "./types";

function TxHash({ hash, label }: { hash: string | null; label: string }) {
  if (!hash) return null;
  return (
    <span className="mr-2 whitespace-nowrap">
      {label}{" "}
      <code className="font-mono" title={hash}>
        {hash.slice(0, 10)}…
      </code>
    </span>
  );
}

export function ReceiptsTable({ receipts, locale, token, t, tOrders }: { receipts: Receipt[]; locale: Locale; token: Token; t: DashboardT; tOrders: OrdersT }) {
  return (
    <div className="space-y-3">
      <a
        href="/api/v1/me/receipts.csv"
        download
        className="inline-block rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        data-testid="receipts-csv"
      >
        {t("downloadCsv")}
      </a>
      {receipts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="receipts-table">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">{t("order")}</th>
                <th scope="col" className="pr-3">{t("date")}</th>
                <th scope="col" className="pr-3">{t("listing")}</th>
                <th scope="col" className="pr-3">{t("hours")}</th>
                <th scope="col" className="pr-3">{t("amount")}</th>
                <th scope="col" className="pr-3">{t("status")}</th>
                <th scope="col">{t("transactions")}</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.orderId} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="py-1 pr-3">
                    <Link href={`/orders/${r.orderId}`} className="font-mono underline">
                      {r.orderId.slice(0, 8)}
                    </Link>
                  </td>
                  <td className="pr-3 whitespace-nowrap">{formatDate(r.createdAt, locale)}</td>
                  <td className="pr-3">{r.listing}</td>
                  <td className="pr-3 tabular-nums">{r.hours}</td>
                  <td className="pr-3 tabular-nums whitespace-nowrap">{formatToken(r.amount, locale, token.symbol, token.decimals)}</td>
                  <td className="pr-3">{tOrders(`status.${r.status}`)}</td>
                  <td className="text-xs">
                    <TxHash hash={r.openedTx} label={t("tx.opened")} />
                    <TxHash hash={r.releasedTx} label={t("tx.released")} />
                    <TxHash hash={r.refundedTx} label={t("tx.refunded")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
