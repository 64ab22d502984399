/**
 * Off-chain mirror of the pure parts of IdlegridEscrow, so the server and the indexer derive
 * exactly the ids and numbers the contract does (tests compare both against the chain).
 */
import { encodeAbiParameters, keccak256, stringToHex, type Address, type Hex } from "viem";

/** IdlegridEscrow.Status, in declaration order (the contract returns the index). */
export const escrowStatuses = ["None", "Funded", "Started", "Completed", "Disputed", "Released", "Refunded", "Resolved"] as const;
export type EscrowStatus = (typeof escrowStatuses)[number];

export const BPS = 10_000n;

/** The bytes32 order id the contract sees for an app order id (any string, e.g. a cuid). */
export function orderIdToBytes32(orderId: string): Hex {
  return keccak256(stringToHex(orderId));
}

/** `escrowIdOf(buyer, orderId)`: keccak256(abi.encode(chainId, escrow, buyer, orderId)). */
export function computeEscrowId(chainId: number, escrow: Address, buyer: Address, orderId: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "uint256" }, { type: "address" }, { type: "address" }, { type: "bytes32" }],
      [BigInt(chainId), escrow, buyer, orderId],
    ),
  );
}

/** What a release pays: the fee (rounded down) to the treasury, the rest to the provider. */
export function releaseSplit(amount: bigint, feeBps: number) {
  const fee = (amount * BigInt(feeBps)) / BPS;
  return { providerAmount: amount - fee, fee };
}

/** What `resolveDispute(providerBps)` pays; the three parts always add up to `amount`. */
export function resolveSplit(amount: bigint, feeBps: number, providerBps: number) {
  const providerGross = (amount * BigInt(providerBps)) / BPS;
  const fee = (providerGross * BigInt(feeBps)) / BPS;
  return { buyerAmount: amount - providerGross, providerAmount: providerGross - fee, fee };
}
