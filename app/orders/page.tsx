import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WithdrawPanel } from "@/components/orders/withdraw-panel";
import { env } from "@/env";
import { fromBaseUnits } from "@/lib/money";
import { currentCaller } from "@/lib/server/auth/caller";
import { listOrdersFor } from "@/lib/server/orders/view";
import { tokenInfo } from "@/lib/server/token-info";

export const metadata: Metadata = { title: "Your orders" };
export const dynamic = "force-dynamic";

/** Rentals the caller bought or provided, and the money the escrow credited to their wallet. */
export default async function OrdersPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=%2Forders");
  const [orders, { decimals, symbol }] = await Promise.all([listOrdersFor(caller.userId), tokenInfo()]);
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">Your orders</h1>
      {env.ESCROW_ADDRESS && <WithdrawPanel escrow={env.ESCROW_ADDRESS as `0x${string}`} chainId={env.CHAIN_ID} decimals={decimals} symbol={symbol} />}
      {orders.length === 0 ? (
        <p className="text-slate-500">No orders yet. Rent a machine from the marketplace.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1">Order</th>
              <th>Machine</th>
              <th>You are</th>
              <th>Hours</th>
              <th>Amount</th>
              <th>Status</th>
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
                <td>{o.listing.gpuModel}</td>
                <td>{o.buyerId === caller.userId ? "buyer" : "provider"}</td>
                <td className="tabular-nums">{o.hours}</td>
                <td className="tabular-nums">
                  {fromBaseUnits(BigInt(o.amount.toFixed(0)), decimals)} {symbol}
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
