import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { FaucetButton } from "@/components/orders/faucet-button";
import { WithdrawPanel } from "@/components/orders/withdraw-panel";
import { env } from "@/env";
import { chainById, isLocalChain } from "@/lib/chain/chains";
import { formatDateTime, formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { availableActions } from "@/lib/orders/server/transitions";
import { loadOrder, orderView, roleIn } from "@/lib/orders/server/view";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { Alert } from "@/components/ui/alert";
import { DisputeStatements } from "./_components/dispute-statements";
import { OrderActions } from "./_components/order-actions";
import { RentalMeter } from "./_components/rental-meter";
import { Settlement } from "./_components/settlement";
import { gpuLabel } from "@/lib/listings/gpu-catalog";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("orders"))("orderTitle"), "order");
}
export const dynamic = "force-dynamic";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(`/orders/${id}`)}`);
  const order = await loadOrder(id);
  const role = order ? roleIn(order, caller) : null;
  if (!order || !role) notFound();
  const view = orderView(order, role);
  const [{ decimals, symbol }, t, locale] = await Promise.all([tokenInfo(), getTranslations("orders"), getLocale()]);
  const explorer = chainById(view.chainId)?.blockExplorers?.default.url;
  const money = (units: string) => formatToken(BigInt(units), locale, symbol, decimals);
  const withdrawLabels = { creditedBalance: t("creditedBalance"), withdraw: t("withdraw") };
  const deadline = view.startDeadline ? new Date(view.startDeadline) : null;
  // The meter's first frame uses the server's clock, so the browser's first render matches this HTML.
  const renderedAt = new Date();

  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href={`/listings/${view.listingId}`} className="underline">
            {view.gpuCount}× {gpuLabel(view.gpuModel)}
          </Link>{" "}
          · {t("youAre", { role: t(role) })}
        </p>
        {view.jobId && (
          <p className="text-sm">
            <Link href={`/jobs/${view.jobId}`} className="underline" data-testid="order-job-link">
              {t("settlesJob")}
            </Link>
          </p>
        )}
        <h1 className="text-2xl font-semibold">{t("heading", { id: view.id.slice(0, 8) })}</h1>
        <p>
          <span className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-sm dark:bg-slate-800" data-testid="order-status">
            {view.status}
          </span>{" "}
          {t(`status.${view.status}`)}
        </p>
      </header>

      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <dt className="text-slate-500">{t("amount")}</dt>
        <dd className="tabular-nums" data-testid="order-amount">
          {t("amountValue", { amount: money(view.amount), hours: view.hours })}
        </dd>
        <dt className="text-slate-500">{t("buyerLabel")}</dt>
        <dd className="font-mono text-xs break-all">{view.buyer}</dd>
        <dt className="text-slate-500">{t("providerLabel")}</dt>
        <dd className="font-mono text-xs break-all">{view.provider}</dd>
        <dt className="text-slate-500">{t("startDeadline")}</dt>
        <dd>{deadline && !Number.isNaN(deadline.getTime()) ? formatDateTime(deadline, locale) : view.startDeadline}</dd>
        {view.sshPublicKey && (
          <>
            <dt className="text-slate-500">{t("sshKey")}</dt>
            <dd className="font-mono text-xs break-all">{view.sshPublicKey}</dd>
          </>
        )}
      </dl>

      {view.capacityLost && role === "buyer" && view.status === "FUNDED" && (
        <Alert tone="warning" data-testid="capacity-lost">
          {t("capacityLost")}
        </Alert>
      )}

      {view.kind === "rental" && view.ratePerSecond && view.startedAt && (
        <RentalMeter
          startedAt={view.startedAt}
          stoppedAt={view.stoppedAt}
          amount={view.amount}
          ratePerSecond={view.ratePerSecond}
          claimed={view.claimed}
          initialNow={Math.floor(renderedAt.getTime() / 1000)}
          showClaimable={role === "provider" && view.status === "ACTIVE"}
          decimals={decimals}
          symbol={symbol}
          locale={locale}
          labels={{
            meter: t("meter"),
            meterStartedAt: t("meterStartedAt"),
            meterElapsed: t("meterElapsed"),
            meterAccrued: t("meterAccrued"),
            meterRemaining: t("meterRemaining"),
            meterEndsAt: t("meterEndsAt"),
            meterStoppedAt: t("meterStoppedAt"),
            meterRate: t("meterRate", { rate: money(view.ratePerSecond) }),
            claimable: t("claimable"),
            claimedSoFar: t("claimedSoFar"),
          }}
        />
      )}
      {view.kind === "rental" && !view.startedAt && view.status === "FUNDED" && (
        <p className="text-sm text-slate-500">{t("meterNotStarted")}</p>
      )}

      <Settlement view={view} money={money} t={t} />

      {view.connection && (
        <section aria-labelledby="connection" className="rounded-xl border border-green-300 p-4 text-sm" data-testid="connection">
          <h2 id="connection" className="mb-1 font-semibold">
            {t("connection")}
          </h2>
          <code>
            ssh -p {view.connection.port} {view.connection.user}@{view.connection.host}
          </code>
          {view.connection.jupyterUrl && (
            <p>
              Jupyter:{" "}
              <a href={view.connection.jupyterUrl} className="underline">
                {view.connection.jupyterUrl}
              </a>
            </p>
          )}
        </section>
      )}

      <OrderActions
        order={{ ...view, transactions: view.transactions }}
        actions={availableActions(order, role).map((action) => ({ action, label: t(`action.${action}`) }))}
        confirmations={env.INDEXER_CONFIRMATIONS}
        symbol={symbol}
        decimals={decimals}
        explorerUrl={explorer}
        labels={{
          payment: t("payment"),
          pay: t("pay", { amount: money(view.amount) }),
          indexing: t("indexing"),
          funded: t("funded"),
          startForm: t("startForm"),
          host: t("host"),
          sshPort: t("sshPort"),
          user: t("user"),
          jupyterUrl: t("jupyterUrl"),
          extendHours: t("extendHours"),
          extendCost: t("extendCost"),
        }}
      />
      {isLocalChain(env.CHAIN_ID) && role === "buyer" && view.status === "PENDING_PAYMENT" && <FaucetButton />}

      <DisputeStatements orderId={view.id} status={view.status} canPost={role !== "admin"} />

      <section aria-labelledby="events">
        <h2 id="events" className="mb-2 font-semibold">
          {t("events")}
        </h2>
        {view.chainEvents.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noEvents")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="chain-events">
            {view.chainEvents.map((e) => (
              <li key={`${e.txHash}:${e.logIndex}`}>
                <span className="font-medium">{e.eventName}</span> {t("inBlock", { block: e.blockNumber })} ·{" "}
                {explorer ? (
                  <a href={`${explorer}/tx/${e.txHash}`} className="font-mono underline">
                    {e.txHash.slice(0, 10)}…
                  </a>
                ) : (
                  <code className="text-xs">{e.txHash}</code>
                )}
                {!e.applied && <span className="text-red-600"> · {t("notCredited", { reason: e.ignoredReason ?? "" })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {env.ESCROW_ADDRESS && role !== "admin" && (
        <WithdrawPanel
          escrow={env.ESCROW_ADDRESS as `0x${string}`}
          chainId={view.chainId}
          decimals={decimals}
          symbol={symbol}
          locale={locale}
          labels={withdrawLabels}
        />
      )}
    </article>
  );
}
