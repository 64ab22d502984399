import "server-only";
/**
 * The one-transaction alternative to approve + open: an EIP-2612 permit the buyer signs (no gas)
 * and openWithPermit carrying its signature. Offered only when the token supports permits.
 */
import { getAddress, type Address } from "viem";
import { PERMIT_TTL_SECONDS, permitTypedData } from "@/lib/chain/permit";
import { publicClient } from "@/lib/chain/server/client";

interface PendingOrder {
  chainId: number;
  buyer: string;
  provider: string;
  tokenAddress: string;
  escrowAddress: string;
  orderId: string;
  amount: string;
  startDeadline: string;
}

export async function permitAlternative(order: PendingOrder, now = Date.now()) {
  const deadline = BigInt(Math.floor(now / 1000) + PERMIT_TTL_SECONDS);
  const escrow = getAddress(order.escrowAddress);
  const typed = await permitTypedData(publicClient, {
    chainId: order.chainId,
    token: getAddress(order.tokenAddress),
    owner: getAddress(order.buyer),
    spender: escrow,
    value: BigInt(order.amount),
    deadline,
  });
  if (!typed) return null;
  const m = typed.message;
  return {
    description:
      "Instead of approve + open: sign `typedData` (eth_signTypedData_v4) with the buyer's wallet, split the signature into v, r, s, " +
      "then send one transaction calling openWithPermit on the escrow with `openWithPermit.args` followed by v, r, s.",
    typedData: {
      ...typed,
      // Strings on the wire: uint256 values do not fit a JSON number.
      message: { owner: m.owner, spender: m.spender, value: m.value.toString(), nonce: m.nonce.toString(), deadline: m.deadline.toString() },
    },
    openWithPermit: {
      to: escrow as Address,
      value: "0" as const,
      signature: "openWithPermit(bytes32 orderId,address provider,uint256 amount,uint64 startDeadline,uint256 permitDeadline,uint8 v,bytes32 r,bytes32 s)",
      args: {
        orderId: order.orderId,
        provider: order.provider,
        amount: order.amount,
        startDeadline: String(Math.floor(Date.parse(order.startDeadline) / 1000)),
        permitDeadline: deadline.toString(),
      },
    },
  };
}
