"use client";
/**
 * The arbiter's control: pick the provider's share, record it on the server (which audits it and returns
 * the escrow call), send resolveDispute from the admin's wallet, then wait for the indexer to mark the
 * order RESOLVED (components/wallet/use-chain-action.ts). The page shows the outcome only once the chain says so.
 */
import { useState } from "react";
import { TxStatus } from "@/components/orders/tx-status";
import { Button } from "@/components/ui/button";
import { Range } from "@/components/ui/range";
import { useChainAction } from "@/components/wallet/use-chain-action";
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { interpolate } from "@/lib/i18n/translate";
import { withWalletIsland } from "@/components/providers/web3-provider";

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
  labels: Record<"share" | "split" | "resolve", string>;
}

function ResolveDisputeLeaf({ orderId, chainId, amount, decimals, symbol, confirmations, explorerUrl, locale, labels }: Props) {
  const { run, busy, step } = useChainAction({ chainId, confirmations });
  const [percent, setPercent] = useState(50);
  const total = BigInt(amount);
  const providerBps = percent * 100;
  const providerGross = (total * BigInt(providerBps)) / 10_000n;

  const resolve = () =>
    run({
      url: `/api/admin/disputes/${orderId}/resolve`,
      body: { providerBps },
      label: "resolveDispute",
      watch: { url: `/api/v1/orders/${orderId}`, from: "DISPUTED" },
    });

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <label className="block text-sm font-medium" htmlFor={`share-${orderId}`}>
        {interpolate(labels.share, locale, { percent })}
      </label>
      <Range
        id={`share-${orderId}`}
        min={0}
        max={100}
        step={1}
        value={percent}
        onChange={(e) => setPercent(Number(e.target.value))}
        data-testid="provider-share"
        disabled={busy}
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {interpolate(labels.split, locale, {
          provider: formatToken(providerGross, locale, symbol, decimals),
          buyer: formatToken(total - providerGross, locale, symbol, decimals),
        })}
      </p>
      <Button onClick={() => void resolve()} disabled={busy}>
        {labels.resolve}
      </Button>
      <TxStatus step={step} explorerUrl={explorerUrl} />
    </div>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const ResolveDispute = withWalletIsland(ResolveDisputeLeaf);
