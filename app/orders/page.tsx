import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WithdrawPanel } from "@/components/orders/withdraw-panel";
import { env } from "@/env";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { listOrdersFor } from "@/lib/orders/server/view";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { baseUnitsOf } from "@/lib/core/money";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("orders"))("title"), "orders");
}
export const dynamic = "force-dynamic";

/** Rentals the caller bought or provided, and the money the escrow credited to their wallet. */
export default async function OrdersPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=%2Forders");
  const [orders, { decimals, symbol }, t, locale] = await Promise.all([
    listOrdersFor(caller.userId),
    tokenInfo(),
    getTranslations("orders"),
    getLocale(),
  ]);
  const withdrawLabels = { creditedBalance: t("creditedBalance"), withdraw: t("withdraw") };
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {env.ESCROW_ADDRESS && (
        <WithdrawPanel
          escrow={env.ESCROW_ADDRESS as `0x${string}`}
          chainId={env.CHAIN_ID}
          decimals={decimals}
          symbol={symbol}
          locale={locale}
          labels={withdrawLabels}
        />
      )}
      {orders.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <TableFrame>
          <Table>
            <THead>
              <Tr>
                <Th>{t("colOrder")}</Th>
                <Th>{t("colMachine")}</Th>
                <Th>{t("colRole")}</Th>
                <Th numeric>{t("colHours")}</Th>
                <Th numeric>{t("colAmount")}</Th>
                <Th>{t("colStatus")}</Th>
              </Tr>
            </THead>
            <TBody>
              {orders.map((o) => (
                <Tr key={o.id}>
                  <Td>
                    <Link href={`/orders/${o.id}`} className="font-mono underline">
                      {o.id.slice(0, 8)}
                    </Link>
                  </Td>
                  <Td>{gpuLabel(o.listing.gpuModel)}</Td>
                  <Td>{o.buyerId === caller.userId ? t("buyer") : t("provider")}</Td>
                  <Td numeric>{o.hours}</Td>
                  <Td numeric>{formatToken(baseUnitsOf(o.amount), locale, symbol, decimals)}</Td>
                  <Td className="font-mono">{o.status}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </article>
  );
}
