/**
 * Off-chain mirror of the pure parts of IdlegridEscrow, so the server and the indexer derive
 * exactly the ids and numbers the contract does (tests compare both against the chain).
 */
import { encodeAbiParameters, keccak256, stringToHex, type Address, type Hex } from "viem";

/** IdlegridEscrow.Status, in declaration order (the contract returns the index; values are append-only). */
export const escrowStatuses = [
  "None",
  "Funded",
  "Started",
  "Completed",
  "Disputed",
  "Released",
  "Refunded",
  "Resolved",
  "MonitorStopped",
  "Ended",
] as const;
export type EscrowStatus = (typeof escrowStatuses)[number];

/** IdlegridEscrow.Kind: a fixed-price deliverable or a rental metered by the second. */
export const escrowKinds = ["Fixed", "Rental"] as const;
export type EscrowKind = (typeof escrowKinds)[number];

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

/**
 * What paying the provider `gross` more costs in fee once it has been paid `claimedBefore` (fee
 * included): the fee is taken on the running total, so many small rental claims pay exactly the
 * fee of one payment of the same total.
 */
export function providerPayment(claimedBefore: bigint, gross: bigint, feeBps: number) {
  const feeOf = (total: bigint) => (total * BigInt(feeBps)) / BPS;
  const fee = feeOf(claimedBefore + gross) - feeOf(claimedBefore);
  return { providerAmount: gross - fee, fee };
}

/**
 * What `resolveDispute(providerBps)` pays: the split of what is still held (`amount` less what
 * a rental's provider already `claimed`); the three parts always add up to it.
 */
export function resolveSplit(amount: bigint, feeBps: number, providerBps: number, claimed = 0n) {
  const held = amount - claimed;
  const providerGross = (held * BigInt(providerBps)) / BPS;
  const { providerAmount, fee } = providerPayment(claimed, providerGross, feeBps);
  return { buyerAmount: held - providerGross, providerAmount, fee };
}

const MAX_UINT64 = 2n ** 64n - 1n;

/** When a rental started at `startedAt` has used up `amount`: startedAt + ceil(amount / rate), saturating at 2^64 - 1. */
export function rentalEndsAt(startedAt: bigint, amount: bigint, ratePerSecond: bigint): bigint {
  const end = startedAt + amount / ratePerSecond + (amount % ratePerSecond === 0n ? 0n : 1n);
  return end > MAX_UINT64 ? MAX_UINT64 : end;
}

/**
 * A rental's accrued value at unix time `t` (fee included): the rate for every whole second run,
 * capped at the prepaid amount, i.e. min(rate × (t - startedAt), amount). 0 before a start.
 */
export function rentalAccrued(rental: { startedAt: bigint; endsAt: bigint; amount: bigint; ratePerSecond: bigint }, t: bigint): bigint {
  if (rental.startedAt === 0n || t <= rental.startedAt) return 0n;
  if (t >= rental.endsAt) return rental.amount;
  return rental.ratePerSecond * (t - rental.startedAt);
}
