import "server-only";
/** The exact transactions a wallet signs for an order, as `{ to, data, value }` (value in wei, always "0"). */
import { encodeFunctionData, erc20Abi, type Address, type Hex } from "viem";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import type { TxRequest } from "@/lib/orders/order-dto";

export type { TxRequest };

interface PayableOrder {
  tokenAddress: string;
  escrowAddress: string;
  orderIdHex: string;
  providerAddress: string;
  /** What is booked: the order's amount before any extension. */
  amount: bigint;
  startDeadline: Date;
  /** Metered rentals open with their rate (openRental); null: a fixed-price training job (open). */
  ratePerSecond: bigint | null;
}

function approve(token: string, escrow: string, amount: bigint, what: string): TxRequest {
  return {
    description: `approve the escrow to take exactly ${what}`,
    to: token as Address,
    data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [escrow as Address, amount] }),
    value: "0",
  };
}

/**
 * approve(escrow, amount) on the token, then on the escrow openRental(orderId, provider, ratePerSecond,
 * amount, startDeadline) for a rental, or open(orderId, provider, amount, startDeadline) for a job.
 */
export function paymentTransactions(order: PayableOrder): TxRequest[] {
  const deadline = BigInt(Math.floor(order.startDeadline.getTime() / 1000));
  const orderId = order.orderIdHex as Hex;
  const provider = order.providerAddress as Address;
  const data =
    order.ratePerSecond === null
      ? encodeFunctionData({ abi: idlegridEscrowAbi, functionName: "open", args: [orderId, provider, order.amount, deadline] })
      : encodeFunctionData({
          abi: idlegridEscrowAbi,
          functionName: "openRental",
          args: [orderId, provider, order.ratePerSecond, order.amount, deadline],
        });
  return [
    approve(order.tokenAddress, order.escrowAddress, order.amount, "the order amount"),
    {
      description:
        order.ratePerSecond === null
          ? "open the escrow: moves the amount from the buyer into the escrow"
          : "open the metered rental: moves the prepaid amount into the escrow, accruing at the order's rate once started",
      to: order.escrowAddress as Address,
      data,
      value: "0",
    },
  ];
}

/** approve(escrow, added) on the token, then extend(escrowId, added) on the escrow. */
export function extendTransactions(order: { tokenAddress: string; escrowAddress: string; escrowId: string }, added: bigint): TxRequest[] {
  return [
    approve(order.tokenAddress, order.escrowAddress, added, "the extension"),
    {
      description: "extend the rental: adds the amount to the escrow and moves its end out by what it buys at the order's rate",
      to: order.escrowAddress as Address,
      data: encodeFunctionData({ abi: idlegridEscrowAbi, functionName: "extend", args: [order.escrowId as Hex, added] }),
      value: "0",
    },
  ];
}

type EscrowCall =
  | "markStarted"
  | "markCompleted"
  | "release"
  | "claimPayment"
  | "refund"
  | "claimRefund"
  | "openDispute"
  | "stop"
  | "claim"
  | "finalizeMonitorStop"
  | "settleDisputeTimeout";

export function escrowCall(order: { escrowAddress: string; escrowId: string }, functionName: EscrowCall): TxRequest {
  return {
    description: `${functionName}(escrowId) on the escrow`,
    to: order.escrowAddress as Address,
    data: encodeFunctionData({ abi: idlegridEscrowAbi, functionName, args: [order.escrowId as Hex] }),
    value: "0",
  };
}
