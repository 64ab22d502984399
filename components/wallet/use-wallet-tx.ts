"use client";
/**
 * Sends one prepared transaction ({ to, data } from the API) with the connected wallet and follows
 * it: waiting for the wallet, submitted (with an explorer link when the chain has one), confirming
 * N of M, done. Checks the account and network first; errors become sentences in the page's language
 * (the root layout's tx messages). A step names its action by key (`TxAction`), worded where shown.
 */
import { useCallback, useState } from "react";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { getBlockNumber, getConnection, sendTransaction, switchChain, waitForTransactionReceipt } from "wagmi/actions";
import { explainWalletError } from "@/lib/chain/wallet-errors";
import { useTxToast } from "@/components/toast/tx-toast";
import { useTxTranslator } from "@/components/toast/tx-messages";
import { useChainClientConfig } from "@/components/providers/chain-config";
import type { PreparedTx, TxStep } from "@/lib/chain/tx-step";
import type { TxAction } from "@/lib/i18n/messages/tx-en";

export type { PreparedTx, TxStep };

export class WalletStepError extends Error {}

export function useWalletTx(opts: { chainId: number; account?: string; confirmations: number }) {
  const config = useConfig();
  const { chainDown } = useChainClientConfig();
  const t = useTxTranslator();
  const explain = useCallback((error: unknown) => explainWalletError(error, t), [t]);
  const [step, setStep] = useState<TxStep>({ kind: "idle" });
  // Every step is also a toast, so the progress stays visible when the inline status scrolls away.
  useTxToast(step);

  /** Throws WalletStepError with a sentence when the wallet is missing, on the wrong account, or cannot switch network. */
  const ensureWallet = useCallback(async (): Promise<Address> => {
    // The server could not read the token when it rendered this page (the layout says so): send nothing.
    if (chainDown) throw new WalletStepError(t("chainDown"));
    const connection = getConnection(config);
    if (!connection.address) throw new WalletStepError(t("connectFirst"));
    if (opts.account && connection.address.toLowerCase() !== opts.account.toLowerCase()) {
      throw new WalletStepError(t("wrongAccount", { current: connection.address, expected: opts.account }));
    }
    if (connection.chainId !== opts.chainId) {
      setStep({ kind: "wallet", label: "switchNetwork" });
      try {
        await switchChain(config, { chainId: opts.chainId });
      } catch (error) {
        throw new WalletStepError(t("wrongNetwork", { reason: explain(error) }));
      }
    }
    return connection.address;
  }, [config, chainDown, opts.account, opts.chainId, t, explain]);

  /** Sends `tx` and resolves when it has `confirmations` confirmations; throws WalletStepError on any failure. */
  const send = useCallback(
    async (label: TxAction, tx: PreparedTx): Promise<Hex> => {
      setStep({ kind: "wallet", label });
      let hash: Hex;
      try {
        hash = await sendTransaction(config, { to: tx.to, data: tx.data, chainId: opts.chainId });
      } catch (error) {
        throw new WalletStepError(explain(error));
      }
      setStep({ kind: "submitted", label, hash });
      const receipt = await waitForTransactionReceipt(config, { hash, chainId: opts.chainId });
      if (receipt.status !== "success") throw new WalletStepError(t("reverted", { what: t(`action_${label}`) }));
      for (;;) {
        const head = await getBlockNumber(config, { chainId: opts.chainId });
        const confirmations = Number(head - receipt.blockNumber + 1n);
        setStep({
          kind: "confirming",
          label,
          hash,
          confirmations: Math.min(confirmations, opts.confirmations),
          required: opts.confirmations,
        });
        if (confirmations >= opts.confirmations) break;
        await new Promise((r) => setTimeout(r, 2_000));
      }
      return hash;
    },
    [config, opts.chainId, opts.confirmations, t, explain],
  );

  const fail = useCallback(
    (error: unknown) => {
      setStep({ kind: "error", message: error instanceof WalletStepError ? error.message : explain(error) });
    },
    [explain],
  );

  return { step, setStep, ensureWallet, send, fail, explain, t, config };
}
