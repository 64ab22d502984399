"use client";
/**
 * Sends one prepared transaction ({ to, data } from the API) with the connected wallet and follows
 * it: waiting for the wallet, submitted (with an explorer link when the chain has one), confirming
 * N of M, done. Checks the account and network first; errors become sentences.
 */
import { useCallback, useState } from "react";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { getBlockNumber, getConnection, sendTransaction, switchChain, waitForTransactionReceipt } from "wagmi/actions";
import { explainWalletError } from "@/lib/chain/wallet-errors";
import { useTxToast } from "@/components/toast/tx-toast";

export type TxStep =
  | { kind: "idle" }
  | { kind: "wallet"; label: string }
  | { kind: "submitted"; label: string; hash: Hex }
  | { kind: "confirming"; label: string; hash: Hex; confirmations: number; required: number }
  | { kind: "done"; hash: Hex }
  | { kind: "error"; message: string };

export interface PreparedTx {
  to: Address;
  data: Hex;
}

export class WalletStepError extends Error {}

export function useWalletTx(opts: { chainId: number; account?: string; confirmations: number }) {
  const config = useConfig();
  const [step, setStep] = useState<TxStep>({ kind: "idle" });
  // Every step is also a toast, so the progress stays visible when the inline status scrolls away.
  useTxToast(step);

  /** Throws WalletStepError with a sentence when the wallet is missing, on the wrong account, or cannot switch network. */
  const ensureWallet = useCallback(async (): Promise<Address> => {
    const connection = getConnection(config);
    if (!connection.address) throw new WalletStepError("Connect your wallet first (top right).");
    if (opts.account && connection.address.toLowerCase() !== opts.account.toLowerCase()) {
      throw new WalletStepError(`Your wallet is on ${connection.address}; switch it to ${opts.account}, the account of this order.`);
    }
    if (connection.chainId !== opts.chainId) {
      setStep({ kind: "wallet", label: "switch network" });
      try {
        await switchChain(config, { chainId: opts.chainId });
      } catch (error) {
        throw new WalletStepError(`Your wallet is on the wrong network and did not switch: ${explainWalletError(error)}`);
      }
    }
    return connection.address;
  }, [config, opts.account, opts.chainId]);

  /** Sends `tx` and resolves when it has `confirmations` confirmations; throws WalletStepError on any failure. */
  const send = useCallback(
    async (label: string, tx: PreparedTx): Promise<Hex> => {
      setStep({ kind: "wallet", label });
      let hash: Hex;
      try {
        hash = await sendTransaction(config, { to: tx.to, data: tx.data, chainId: opts.chainId });
      } catch (error) {
        throw new WalletStepError(explainWalletError(error));
      }
      setStep({ kind: "submitted", label, hash });
      const receipt = await waitForTransactionReceipt(config, { hash, chainId: opts.chainId });
      if (receipt.status !== "success") throw new WalletStepError(`The ${label} transaction was mined but reverted. Nothing was paid.`);
      for (;;) {
        const head = await getBlockNumber(config, { chainId: opts.chainId });
        const confirmations = Number(head - receipt.blockNumber + 1n);
        setStep({ kind: "confirming", label, hash, confirmations: Math.min(confirmations, opts.confirmations), required: opts.confirmations });
        if (confirmations >= opts.confirmations) break;
        await new Promise((r) => setTimeout(r, 2_000));
      }
      return hash;
    },
    [config, opts.chainId, opts.confirmations],
  );

  const fail = useCallback((error: unknown) => {
    setStep({ kind: "error", message: error instanceof WalletStepError ? error.message : explainWalletError(error) });
  }, []);

  return { step, setStep, ensureWallet, send, fail, config };
}
