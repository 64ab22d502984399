import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/env";
import { chainById } from "@/lib/chain/chains";
import { fromBaseUnits } from "@/lib/money";
import { listDisputes } from "@/lib/server/admin/disputes";
import { requireAdminPage } from "@/lib/server/auth/page-guards";
import { tokenInfo } from "@/lib/server/token-info";
import { ResolveDispute } from "./_components/resolve-dispute";

export const metadata: Metadata = { title: "Disputes · Admin" };

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function AdminDisputesPage() {
  await requireAdminPage();
  const disputes = await listDisputes();
  const token = await tokenInfo().catch(() => ({ decimals: 0, symbol: "base units" }));
  const fmt = (v: bigint) => `${fromBaseUnits(v, token.decimals)} ${token.symbol}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Disputes</h1>
      {disputes.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No open disputes.</p> : null}
      {disputes.map((d) => {
        const explorer = chainById(d.chainId)?.blockExplorers?.default.url;
        return (
          <article key={d.id} className="space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid={`dispute-${d.id}`} aria-label={`Dispute on order ${d.id}`}>
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                <Link href={`/orders/${d.id}`} className="underline">
                  Order {d.id}
                </Link>{" "}
                · {d.gpuCount}× {d.listing.gpuModel}, {d.hours} h · {fmt(d.amount)}
              </h2>
              <p className="font-mono text-xs">
                buyer {d.buyerAddress} · provider {d.providerAddress}
              </p>
            </header>

            <div className="grid gap-4 md:grid-cols-3">
              <section aria-label="Timeline" className="space-y-1 text-sm">
                <h3 className="font-medium">Timeline</h3>
                <ol className="space-y-1">
                  {d.timeline.map((t, i) => (
                    <li key={i}>
                      <span className="text-slate-500">{when(t.at)}</span> {t.label}
                      {t.txHash ? <code className="ml-1 text-xs">{t.txHash.slice(0, 10)}…</code> : null}
                    </li>
                  ))}
                </ol>
              </section>

              <section aria-label="Statements" className="space-y-2 text-sm">
                <h3 className="font-medium">Statements</h3>
                {d.statements.length === 0 ? <p className="text-slate-500">Neither party has written yet.</p> : null}
                {d.statements.map((s) => (
                  <blockquote key={s.id} className="border-l-2 border-slate-300 pl-2 dark:border-slate-700" data-testid="dispute-statement">
                    <div className="text-xs text-slate-500">
                      {s.side} · {when(s.createdAt)}
                    </div>
                    <p className="whitespace-pre-wrap">{s.body}</p>
                  </blockquote>
                ))}
              </section>

              <section aria-label="On chain" className="space-y-1 text-sm" data-testid="dispute-chain">
                <h3 className="font-medium">On chain</h3>
                {d.chain ? (
                  <dl className="grid grid-cols-[7rem_1fr] gap-x-2">
                    <dt>Status</dt>
                    <dd data-testid="chain-status">{d.chain.status}</dd>
                    <dt>Escrowed</dt>
                    <dd>{fmt(d.chain.amount)}</dd>
                    <dt>Fee</dt>
                    <dd>{(d.chain.feeBps / 100).toFixed(2)}% (snapshotted)</dd>
                    <dt>Completed</dt>
                    <dd>{when(d.chain.completedAt)}</dd>
                    <dt>Escrow id</dt>
                    <dd className="truncate font-mono text-xs" title={d.escrowId}>
                      {d.escrowId}
                    </dd>
                  </dl>
                ) : (
                  <p className="text-amber-700">The chain could not be read just now; reload to try again.</p>
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
            />
          </article>
        );
      })}
    </div>
  );
}
