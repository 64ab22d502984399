"use client";
/**
 * Pays a PENDING_PAYMENT order: checks network, account, balance and allowance, approves the exact
 * amount when the allowance is short, opens the escrow, waits for the confirmations, then waits for
 * the server's indexer to see the payment on chain. Only then is the order FUNDED: the hashes this
 * hook has are never sent as proof.
 */
import { useCallback, useState } from "react";
import { erc20Abi, type Address } from "viem";
import { readContract } from "wagmi/actions";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/hooks/use-wallet-tx";

export interface PayableOrder {
  id: string;
  buyer: string;
  chainId: number;
  tokenAddress: string;
  escrowAddress: string;
  amount: string;
  transactions: PreparedTx[];
}

async function waitForFunded(orderId: string): Promise<void> {
  for (;;) {
    const res = await fetch(`/api/v1/orders/${orderId}`, { cache: "no-store" });
    if (res.ok && (await res.json()).status !== "PENDING_PAYMENT") return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export function useEscrowPayment(order: PayableOrder, opts: { confirmations: number; symbol: string; format: (units: bigint) => string }) {
  const tx = useWalletTx({ chainId: order.chainId, account: order.buyer, confirmations: opts.confirmations });
  const [indexing, setIndexing] = useState(false);
  const [funded, setFunded] = useState(false);

  const pay = useCallback(async () => {
    const { ensureWallet, send, fail, config, setStep } = tx;
    try {
      setFunded(false);
      const buyer = await ensureWallet();
      const amount = BigInt(order.amount);
      const [approveTx, openTx] = order.transactions;
      if (!approveTx || !openTx) throw new WalletStepError("This order has nothing left to pay. Reload the page.");
      const token = order.tokenAddress as Address;
      const balance = await readContract(config, { address: token, abi: erc20Abi, functionName: "balanceOf", args: [buyer], chainId: order.chainId });
      if (balance < amount) {
        throw new WalletStepError(`Your balance is ${opts.format(balance)} ${opts.symbol}; this order needs ${opts.format(amount)} ${opts.symbol}.`);
      }
      const allowance = await readContract(config, { address: token, abi: erc20Abi, functionName: "allowance", args: [buyer, order.escrowAddress as Address], chainId: order.chainId });
      if (allowance < amount) await send("approve", approveTx);
      await send("payment", openTx);
      setStep({ kind: "idle" });
      setIndexing(true);
      await waitForFunded(order.id);
      setIndexing(false);
      setFunded(true);
    } catch (error) {
      setIndexing(false);
      fail(error);
    }
  }, [order, opts, tx]);

  return { step: tx.step, indexing, funded, pay };
}
