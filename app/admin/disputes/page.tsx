import type { Metadata } from "next";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { formatNumber, formatToken } from "@/lib/i18n/format";
import Link from "next/link";
import { env } from "@/env";
import { chainById } from "@/lib/chain/chains";
import { listDisputes } from "@/lib/admin/server/disputes";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { ResolveDispute } from "./_components/resolve-dispute";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("adminPages"))("disputesTitle"), "adminDisputes");
}

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function AdminDisputesPage() {
  await requireAdminPage();
  const disputes = await listDisputes();
  const [token, t, locale] = await Promise.all([
    tokenInfo().catch(() => ({ decimals: 0, symbol: "base units" })),
    getTranslations("adminPages"),
    getLocale(),
  ]);
  const fmt = (v: bigint) => formatToken(v, locale, token.symbol, token.decimals);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("disputesHeading")}</h1>
      {disputes.length === 0 ? <p className="text-slate-600 dark:text-slate-400">{t("noDisputes")}</p> : null}
      {disputes.map((d) => {
        const explorer = chainById(d.chainId)?.blockExplorers?.default.url;
        return (
          <article
            key={d.id}
            className="space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
            data-testid={`dispute-${d.id}`}
            aria-label={t("disputeLabel", { id: d.id })}
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                <Link href={`/orders/${d.id}`} className="underline">
                  {t("order", { id: d.id })}
                </Link>{" "}
                · {d.gpuCount}× {d.listing.gpuModel}, {d.hours} h · {fmt(d.amount)}
              </h2>
              <p className="font-mono text-xs">{t("parties", { buyer: d.buyerAddress, provider: d.providerAddress })}</p>
            </header>

            <div className="grid gap-4 md:grid-cols-3">
              <section aria-label={t("timeline")} className="space-y-1 text-sm">
                <h3 className="font-medium">{t("timeline")}</h3>
                <ol className="space-y-1">
                  {d.timeline.map((entry, i) => (
                    <li key={i}>
                      <span className="text-slate-500">{when(entry.at)}</span>{" "}
                      {entry.event ? t("chainEvent", { event: entry.event.name, block: entry.event.block }) : t("orderCreated")}
                      {entry.txHash ? <code className="ml-1 text-xs">{entry.txHash.slice(0, 10)}…</code> : null}
                    </li>
                  ))}
                </ol>
              </section>

              <section aria-label={t("statements")} className="space-y-2 text-sm">
                <h3 className="font-medium">{t("statements")}</h3>
                {d.statements.length === 0 ? <p className="text-slate-500">{t("noStatements")}</p> : null}
                {d.statements.map((s) => (
                  <blockquote key={s.id} className="border-l-2 border-slate-300 pl-2 dark:border-slate-700" data-testid="dispute-statement">
                    <div className="text-xs text-slate-500">
                      {s.side} · {when(s.createdAt)}
                    </div>
                    <p className="whitespace-pre-wrap">{s.body}</p>
                  </blockquote>
                ))}
              </section>

              <section aria-label={t("onChain")} className="space-y-1 text-sm" data-testid="dispute-chain">
                <h3 className="font-medium">{t("onChain")}</h3>
                {d.chain ? (
                  <dl className="grid grid-cols-[7rem_1fr] gap-x-2">
                    <dt>{t("chainStatus")}</dt>
                    <dd data-testid="chain-status">{d.chain.status}</dd>
                    <dt>{t("escrowed")}</dt>
                    <dd>{fmt(d.chain.amount)}</dd>
                    <dt>{t("fee")}</dt>
                    <dd>{t("feeValue", { percent: formatNumber(d.chain.feeBps / 100, locale, { minimumFractionDigits: 2 }) })}</dd>
                    <dt>{t("completed")}</dt>
                    <dd>{when(d.chain.completedAt)}</dd>
                    <dt>{t("escrowId")}</dt>
                    <dd className="truncate font-mono text-xs" title={d.escrowId}>
                      {d.escrowId}
                    </dd>
                  </dl>
                ) : (
                  <p className="text-amber-700">{t("chainUnreadable")}</p>
                )}
              </section>
            </div>

            <ResolveDispute
              orderId={d.id}
              chainId={d.chainId}
              amount={d.amount.toString()}
              decimals={token.decimals}
              symbol={token.symbol}
              confirmations={env.INDEXER_CONFIRMATIONS}
              explorerUrl={explorer}
              locale={locale}
              labels={{ share: t("share"), split: t("split"), resolve: t("resolveButton") }}
            />
          </article>
        );
      })}
    </div>
  );
}
