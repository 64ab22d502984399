"use client";
/**
 * Pays a PENDING_PAYMENT order: checks network, account, balance and allowance; when the allowance
 * is short it asks for an EIP-2612 permit signature and opens the escrow in one transaction
 * (openRentalWithPermit for a metered rental, openWithPermit for a job), falling back to approve + open when the token has no permit or the wallet
 * cannot sign typed data. Then it waits for the confirmations and for the server's indexer to see
 * the payment on chain. Only then is the order FUNDED: the hashes this hook has are never proof.
 */
import { useCallback, useState } from "react";
import { encodeFunctionData, erc20Abi, parseSignature, type Address, type Hex } from "viem";
import { getPublicClient, readContract, signTypedData } from "wagmi/actions";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/components/wallet/use-wallet-tx";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { PERMIT_TTL_SECONDS, permitTypedData } from "@/lib/chain/permit";
import { isUserRejection } from "@/lib/chain/wallet-errors";
import { waitForStatusChange } from "@/lib/core/wait-for-status";

export interface PayableOrder {
  id: string;
  buyer: string;
  provider: string;
  orderId: string;
  startDeadline: string;
  chainId: number;
  tokenAddress: string;
  escrowAddress: string;
  amount: string;
  /** A metered rental's rate (base units per second); null for a fixed-price job. */
  ratePerSecond: string | null;
  transactions: PreparedTx[];
}

type WalletTx = ReturnType<typeof useWalletTx>;

/**
 * The openWithPermit transaction for `order`, or null when permits are not possible here (the token
 * has none, or the wallet does not support typed-data signing). A "no" from the person is an error,
 * not a reason to ask them again for an approval.
 */
async function permitOpen(tx: WalletTx, order: PayableOrder, buyer: Address): Promise<PreparedTx | null> {
  const client = getPublicClient(tx.config, { chainId: order.chainId });
  if (!client) return null;
  const amount = BigInt(order.amount);
  const deadline = BigInt(Math.floor(Date.now() / 1000) + PERMIT_TTL_SECONDS);
  const escrow = order.escrowAddress as Address;
  const typed = await permitTypedData(client, {
    chainId: order.chainId,
    token: order.tokenAddress as Address,
    owner: buyer,
    spender: escrow,
    value: amount,
    deadline,
  }).catch(() => null);
  if (!typed) return null;
  tx.setStep({ kind: "wallet", label: "permit" });
  let signature: Hex;
  try {
    signature = await signTypedData(tx.config, { account: buyer, ...typed });
  } catch (error) {
    if (isUserRejection(error)) throw new WalletStepError(tx.explain(error));
    return null;
  }
  const { v, yParity, r, s } = parseSignature(signature);
  const startDeadline = BigInt(Math.floor(Date.parse(order.startDeadline) / 1000));
  const orderId = order.orderId as Hex;
  const provider = order.provider as Address;
  const sigV = Number(v ?? BigInt(yParity + 27));
  return {
    to: escrow,
    data:
      order.ratePerSecond === null
        ? encodeFunctionData({
            abi: idlegridEscrowAbi,
            functionName: "openWithPermit",
            args: [orderId, provider, amount, startDeadline, deadline, sigV, r, s],
          })
        : encodeFunctionData({
            abi: idlegridEscrowAbi,
            functionName: "openRentalWithPermit",
            args: [orderId, provider, BigInt(order.ratePerSecond), amount, startDeadline, deadline, sigV, r, s],
          }),
  };
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
      if (!approveTx || !openTx) throw new WalletStepError(tx.t("nothingToPay"));
      const token = order.tokenAddress as Address;
      const balance = await readContract(config, {
        address: token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [buyer],
        chainId: order.chainId,
      });
      if (balance < amount) {
        throw new WalletStepError(
          tx.t("lowBalance", { balance: `${opts.format(balance)} ${opts.symbol}`, amount: `${opts.format(amount)} ${opts.symbol}` }),
        );
      }
      const allowance = await readContract(config, {
        address: token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [buyer, order.escrowAddress as Address],
        chainId: order.chainId,
      });
      if (allowance >= amount) {
        await send("payment", openTx);
      } else {
        const withPermit = await permitOpen(tx, order, buyer);
        if (withPermit) {
          await send("payment", withPermit);
        } else {
          await send("approve", approveTx);
          await send("payment", openTx);
        }
      }
      setStep({ kind: "idle" });
      setIndexing(true);
      // The payment is on chain; the page waits for the indexer however long it takes.
      await waitForStatusChange(`/api/v1/orders/${order.id}`, "PENDING_PAYMENT", Infinity);
      setIndexing(false);
      setFunded(true);
    } catch (error) {
      setIndexing(false);
      fail(error);
    }
  }, [order, opts, tx]);

  return { step: tx.step, indexing, funded, pay };
}
