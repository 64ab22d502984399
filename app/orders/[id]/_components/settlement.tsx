/**
 * What the escrow actually paid for an order, from the indexed events (lib/orders/ledger.ts): to the
 * provider after fees (rental claims included), the fee, and back to the buyer. Shown once money moved
 * out of the escrow: a claim, or the settlement.
 */
import type { OrderView } from "@/lib/orders/order-dto";

type Key = "settlement" | "paidToProvider" | "platformFee" | "refundedToBuyer";

const settled = ["PAID", "REFUNDED", "RESOLVED", "ENDED"];

export function Settlement({ view, money, t }: { view: OrderView; money: (units: string) => string; t: (key: Key) => string }) {
  if (!settled.includes(view.status) && BigInt(view.providerPaid) === 0n) return null;
  const rows: [string, Key, string][] = [
    ["settlement-provider", "paidToProvider", view.providerPaid],
    ["settlement-fee", "platformFee", view.feePaid],
    ["settlement-refund", "refundedToBuyer", view.buyerRefunded],
  ];
  return (
    <section aria-labelledby="settlement" className="text-sm" data-testid="settlement">
      <h2 id="settlement" className="mb-1 font-semibold">
        {t("settlement")}
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {rows.map(([id, key, units]) => (
          <div key={id} className="contents">
            <dt className="text-slate-500">{t(key)}</dt>
            <dd className="tabular-nums" data-testid={id} data-units={units}>
              {money(units)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
