"use client";
/**
 * The arbiter's control: pick the provider's share, record it on the server (which audits it and returns
 * the escrow call), send resolveDispute from the admin's wallet, then wait for the indexer to mark the
 * order RESOLVED. The page shows the outcome only once the chain says so.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TxStatus } from "@/components/orders/tx-status";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/components/wallet/use-wallet-tx";
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { interpolate } from "@/lib/i18n/translate";
import { withWalletIsland } from "@/components/providers/web3-provider";
import { waitForStatusChange } from "@/lib/core/wait-for-status";

interface Props {
  orderId: string;
  chainId: number;
  amount: string;
  decimals: number;
  symbol: string;
  confirmations: number;
  explorerUrl?: string;
  locale: Locale;
  /** Words in the page's language, from the server (`share` and `split` keep their placeholders). */
  labels: Record<"share" | "split" | "resolve" | "serverRefused" | "notIndexed", string>;
}

function ResolveDisputeLeaf({ orderId, chainId, amount, decimals, symbol, confirmations, explorerUrl, locale, labels }: Props) {
  const router = useRouter();
  const tx = useWalletTx({ chainId, confirmations });
  const [percent, setPercent] = useState(50);
  const [busy, setBusy] = useState(false);
  const total = BigInt(amount);
  const providerBps = percent * 100;
  const providerGross = (total * BigInt(providerBps)) / 10_000n;

  async function resolve() {
    setBusy(true);
    try {
      await tx.ensureWallet();
      const res = await fetch(`/api/admin/disputes/${orderId}/resolve`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ providerBps }) });
      const json = await res.json();
      if (!res.ok) throw new WalletStepError(json.message ?? labels.serverRefused);
      const hash = await tx.send("resolveDispute", json.transaction as PreparedTx);
      tx.setStep({ kind: "done", hash });
      if (!(await waitForStatusChange(`/api/v1/orders/${orderId}`, "DISPUTED"))) throw new WalletStepError(labels.notIndexed);
      router.refresh();
    } catch (error) {
      tx.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <label className="block text-sm font-medium" htmlFor={`share-${orderId}`}>
        {interpolate(labels.share, locale, { percent })}
      </label>
      <input
        id={`share-${orderId}`}
        type="range"
        min={0}
        max={100}
        step={1}
        value={percent}
        onChange={(e) => setPercent(Number(e.target.value))}
        className="w-full"
        data-testid="provider-share"
        disabled={busy}
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {interpolate(labels.split, locale, { provider: formatToken(providerGross, locale, symbol, decimals), buyer: formatToken(total - providerGross, locale, symbol, decimals) })}
      </p>
      <button
        type="button"
        onClick={resolve}
        disabled={busy}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {labels.resolve}
      </button>
      <TxStatus step={tx.step} explorerUrl={explorerUrl} />
    </div>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const ResolveDispute = withWalletIsland(ResolveDisputeLeaf);
