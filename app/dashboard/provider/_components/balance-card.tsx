/** Credited and withdrawn escrow balance, as read from the chain on this request. */
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { EscrowBalance } from "@/lib/dashboards/server/balance";
import type { DashboardT, Token } from "../../_components/types";

type Props = { balance: EscrowBalance | null | "unavailable"; locale: Locale; token: Token; t: DashboardT };

export function BalanceCard({ balance, locale, token, t }: Props) {
  return (
    <section aria-labelledby="balance" className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="balance" className="font-semibold">
        {t("balance")}
      </h2>
      {balance === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noEscrow")}</p>
      ) : balance === "unavailable" ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {t("balanceUnavailable")}
        </p>
      ) : (
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">{t("credited")}</dt>
          <dd className="tabular-nums" data-testid="dashboard-credited">
            {formatToken(balance.credited, locale, token.symbol, token.decimals)}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t("withdrawn")}</dt>
          <dd className="tabular-nums" data-testid="dashboard-withdrawn">
            {formatToken(balance.withdrawn, locale, token.symbol, token.decimals)}
          </dd>
        </dl>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("withdrawHint")}</p>
    </section>
  );
}
