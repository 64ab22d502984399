import "server-only";
/**
 * The one-transaction alternative to approve + open (or + extend): an EIP-2612 permit the buyer signs
 * (no gas) and openWithPermit / openRentalWithPermit / extendWithPermit carrying its signature.
 * Offered only when the token supports permits.
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
  /** Set for a metered rental (openRentalWithPermit), null for a fixed-price job (openWithPermit). */
  ratePerSecond: string | null;
}

interface PermitOwner {
  chainId: number;
  buyer: string;
  tokenAddress: string;
  escrowAddress: string;
}

/** The permit's typed data for `value`, with uint256 values as strings; null when the token has no permit. */
async function signable(order: PermitOwner, value: bigint, now: number) {
  const deadline = BigInt(Math.floor(now / 1000) + PERMIT_TTL_SECONDS);
  const escrow = getAddress(order.escrowAddress);
  const typed = await permitTypedData(publicClient, {
    chainId: order.chainId,
    token: getAddress(order.tokenAddress),
    owner: getAddress(order.buyer),
    spender: escrow,
    value,
    deadline,
  });
  if (!typed) return null;
  const m = typed.message;
  return {
    escrow: escrow as Address,
    deadline,
    typedData: {
      ...typed,
      // Strings on the wire: uint256 values do not fit a JSON number.
      message: {
        owner: m.owner,
        spender: m.spender,
        value: m.value.toString(),
        nonce: m.nonce.toString(),
        deadline: m.deadline.toString(),
      },
    },
  };
}

export async function permitAlternative(order: PendingOrder, now = Date.now()) {
  const permit = await signable(order, BigInt(order.amount), now);
  if (!permit) return null;
  const rental = order.ratePerSecond !== null;
  const call = rental ? "openRentalWithPermit" : "openWithPermit";
  return {
    description:
      `Instead of approve + ${rental ? "openRental" : "open"}: sign \`typedData\` (eth_signTypedData_v4) with the buyer's wallet, split the signature into v, r, s, ` +
      `then send one transaction calling ${call} on the escrow (\`openWithPermit.signature\`) with \`openWithPermit.args\` in that order, followed by v, r, s.`,
    typedData: permit.typedData,
    openWithPermit: {
      to: permit.escrow,
      value: "0" as const,
      signature: rental
        ? "openRentalWithPermit(bytes32 orderId,address provider,uint256 ratePerSecond,uint256 amount,uint64 startDeadline,uint256 permitDeadline,uint8 v,bytes32 r,bytes32 s)"
        : "openWithPermit(bytes32 orderId,address provider,uint256 amount,uint64 startDeadline,uint256 permitDeadline,uint8 v,bytes32 r,bytes32 s)",
      args: {
        orderId: order.orderId,
        provider: order.provider,
        ...(rental ? { ratePerSecond: order.ratePerSecond } : {}),
        amount: order.amount,
        startDeadline: String(Math.floor(Date.parse(order.startDeadline) / 1000)),
        permitDeadline: permit.deadline.toString(),
      },
    },
  };
}

/** The one-transaction alternative to approve + extend: sign the permit, then extendWithPermit. */
export async function extendPermitAlternative(order: PermitOwner & { escrowId: string }, added: bigint, now = Date.now()) {
  const permit = await signable(order, added, now);
  if (!permit) return null;
  return {
    description:
      "Instead of approve + extend: sign `typedData` (eth_signTypedData_v4) with the buyer's wallet, split the signature into v, r, s, " +
      "then send one transaction calling extendWithPermit on the escrow with `extendWithPermit.args` in that order, followed by v, r, s.",
    typedData: permit.typedData,
    extendWithPermit: {
      to: permit.escrow,
      value: "0" as const,
      signature: "extendWithPermit(bytes32 escrowId,uint256 amount,uint256 permitDeadline,uint8 v,bytes32 r,bytes32 s)",
      args: { escrowId: order.escrowId, amount: added.toString(), permitDeadline: permit.deadline.toString() },
    },
  };
}
