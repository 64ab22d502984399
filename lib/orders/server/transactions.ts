import "server-only";
/** The exact transactions a wallet signs for an order, as `{ to, data, value }` (value in wei, always "0"). */
import { encodeFunctionData, erc20Abi, type Address, type Hex } from "viem";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";

export interface TxRequest {
  /** What it does, for people reading the API response. */
  description: string;
  to: Address;
  data: Hex;
  value: "0";
}

interface PayableOrder {
  tokenAddress: string;
  escrowAddress: string;
  orderIdHex: string;
  providerAddress: string;
  amount: bigint;
  startDeadline: Date;
}

/** approve(escrow, amount) on the token, then open(orderId, provider, amount, startDeadline) on the escrow. */
export function paymentTransactions(order: PayableOrder): TxRequest[] {
  return [
    {
      description: "approve the escrow to take exactly the order amount",
      to: order.tokenAddress as Address,
      data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [order.escrowAddress as Address, order.amount] }),
      value: "0",
    },
    {
      description: "open the escrow: moves the amount from the buyer into the escrow",
      to: order.escrowAddress as Address,
      data: encodeFunctionData({
        abi: idlegridEscrowAbi,
        functionName: "open",
        args: [order.orderIdHex as Hex, order.providerAddress as Address, order.amount, BigInt(Math.floor(order.startDeadline.getTime() / 1000))],
      }),
      value: "0",
    },
  ];
}

type EscrowCall = "markStarted" | "markCompleted" | "release" | "claimPayment" | "refund" | "claimRefund" | "openDispute";

export function escrowCall(order: { escrowAddress: string; escrowId: string }, functionName: EscrowCall): TxRequest {
  return {
    description: `${functionName}(escrowId) on the escrow`,
    to: order.escrowAddress as Address,
    data: encodeFunctionData({ abi: idlegridEscrowAbi, functionName, args: [order.escrowId as Hex] }),
    value: "0",
  };
}
