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

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("orders"))("title"), "orders");
}
export const dynamic = "force-dynamic";

/** Rentals the caller bought or provided, and the money the escrow credited to their wallet. */
export default async function OrdersPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=%2Forders");
  const [orders, { decimals, symbol }, t, locale] = await Promise.all([listOrdersFor(caller.userId), tokenInfo(), getTranslations("orders"), getLocale()]);
  const withdrawLabels = { creditedBalance: t("creditedBalance"), withdraw: t("withdraw") };
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {env.ESCROW_ADDRESS && <WithdrawPanel escrow={env.ESCROW_ADDRESS as `0x${string}`} chainId={env.CHAIN_ID} decimals={decimals} symbol={symbol} locale={locale} labels={withdrawLabels} />}
      {orders.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1">{t("colOrder")}</th>
              <th>{t("colMachine")}</th>
              <th>{t("colRole")}</th>
              <th>{t("colHours")}</th>
              <th>{t("colAmount")}</th>
              <th>{t("colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1">
                  <Link href={`/orders/${o.id}`} className="font-mono underline">
                    {o.id.slice(0, 8)}
                  </Link>
                </td>
                <td>{gpuLabel(o.listing.gpuModel)}</td>
                <td>{o.buyerId === caller.userId ? t("buyer") : t("provider")}</td>
                <td className="tabular-nums">{o.hours}</td>
                <td className="tabular-nums">
                  {formatToken(baseUnitsOf(o.amount), locale, symbol, decimals)}
                </td>
                <td className="font-mono">{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
