"use client";
/** Money credited to the connected account by the escrow (releases, refunds, resolutions) and the pull withdrawal. */
import { useConnection, useReadContract } from "wagmi";
import type { Address } from "viem";
import { TxStatus } from "@/components/orders/tx-status";
import { useWalletTx } from "@/components/wallet/use-wallet-tx";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { encodeFunctionData } from "viem";
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { withWalletIsland } from "@/components/providers/web3-provider";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";

type Props = {
  escrow: Address;
  chainId: number;
  decimals: number;
  symbol: string;
  locale: Locale;
  labels: { creditedBalance: string; withdraw: string };
};

function WithdrawPanelLeaf({ escrow, chainId, decimals, symbol, locale, labels }: Props) {
  const { address } = useConnection();
  const tx = useWalletTx({ chainId, confirmations: 1 });
  const credits = useReadContract({
    address: escrow,
    abi: idlegridEscrowAbi,
    functionName: "credits",
    args: address ? [address] : undefined,
    chainId,
    query: { enabled: !!address, refetchInterval: 3_000 },
  });
  if (!address) return null;
  const amount = credits.data ?? 0n;
  return (
    <section aria-labelledby="credits" className={cardClass("space-y-2")}>
      <h2 id="credits" className="font-semibold">
        {labels.creditedBalance}
      </h2>
      <p className="tabular-nums" data-testid="credited-balance">
        {formatToken(amount, locale, symbol, decimals)}
      </p>
      <Button
        disabled={amount === 0n || tx.step.kind === "wallet" || tx.step.kind === "submitted"}
        data-testid="withdraw-button"
        onClick={async () => {
          try {
            await tx.ensureWallet();
            const hash = await tx.send("withdrawal", {
              to: escrow,
              data: encodeFunctionData({ abi: idlegridEscrowAbi, functionName: "withdraw" }),
            });
            tx.setStep({ kind: "done", hash });
            await credits.refetch();
          } catch (error) {
            tx.fail(error);
          }
        }}
      >
        {labels.withdraw}
      </Button>
      <TxStatus step={tx.step} />
    </section>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const WithdrawPanel = withWalletIsland(WithdrawPanelLeaf);
