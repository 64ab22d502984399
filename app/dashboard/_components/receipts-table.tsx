/** The buyer's receipts with the escrow transactions behind each, and the CSV download of all of them. */
import Link from "next/link";
import { formatDate, formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Receipt } from "@/lib/dashboards/server/receipts";
import type { DashboardT, OrdersT, Token } from "./types";
import { buttonClass } from "@/components/ui/button";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

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

export function ReceiptsTable({
  receipts,
  locale,
  token,
  t,
  tOrders,
}: {
  receipts: Receipt[];
  locale: Locale;
  token: Token;
  t: DashboardT;
  tOrders: OrdersT;
}) {
  return (
    <div className="space-y-3">
      <a href="/api/v1/me/receipts.csv" download className={buttonClass({ variant: "secondary" })} data-testid="receipts-csv">
        {t("downloadCsv")}
      </a>
      {receipts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
      ) : (
        <TableFrame>
          <Table data-testid="receipts-table">
            <THead>
              <Tr>
                <Th>{t("order")}</Th>
                <Th>{t("date")}</Th>
                <Th>{t("listing")}</Th>
                <Th numeric>{t("hours")}</Th>
                <Th numeric>{t("amount")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("transactions")}</Th>
              </Tr>
            </THead>
            <TBody>
              {receipts.map((r) => (
                <Tr key={r.orderId} className="align-top">
                  <Td>
                    <Link href={`/orders/${r.orderId}`} className="font-mono underline">
                      {r.orderId.slice(0, 8)}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(r.createdAt, locale)}</Td>
                  <Td>{r.listing}</Td>
                  <Td numeric>{r.hours}</Td>
                  <Td numeric className="whitespace-nowrap">
                    {formatToken(r.amount, locale, token.symbol, token.decimals)}
                    {/* What the escrow sent back (a rental stopped early, a refund, a dispute's buyer share). */}
                    {r.buyerRefunded > 0n && (
                      <span className="block text-xs text-slate-500" data-testid={`receipt-refund-${r.orderId}`}>
                        {t("refundedBack", { amount: formatToken(r.buyerRefunded, locale, token.symbol, token.decimals) })}
                      </span>
                    )}
                  </Td>
                  <Td>{tOrders(`status.${r.status}`)}</Td>
                  <Td className="text-xs">
                    <TxHash hash={r.openedTx} label={t("tx.opened")} />
                    <TxHash hash={r.releasedTx} label={t("tx.released")} />
                    <TxHash hash={r.refundedTx} label={t("tx.refunded")} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
