/**
 * Disputes in version 2: a rental's meter freezes when a dispute opens, the arbiter splits only
 * what is still held and may not be a party, and a dispute nobody resolves falls back after
 * DISPUTE_TIMEOUT to a default outcome either party can apply (fixed and rental).
 */
import { type Address, type Hex } from "viem";
import { beforeEach, describe, expect, it } from "vitest";
import { providerPayment, resolveSplit } from "@/lib/chain/escrow";
import { DISPUTE_TIMEOUT } from "./escrow-model";
import {
  act,
  actReverts,
  arbiter,
  at,
  buyer,
  creditOf,
  escrowAbi,
  escrowFixture,
  escrowState,
  eventsOf,
  FEE_BPS,
  grantRole,
  isolateFile,
  mined,
  now,
  openEscrow,
  openRental,
  operator,
  provider,
  publicClient,
  reverted,
  stranger,
  testClient,
  treasury,
  type Wallet,
} from "./test-helpers";

isolateFile();

const RATE = 100n;
const AMOUNT = 360_000n;
let escrow: Address;

beforeEach(async () => {
  ({ escrow } = await escrowFixture());
});

const B = () => buyer.account.address;
const P = () => provider.account.address;
const resolve = (escrowId: Hex, bps: number, from: Wallet = arbiter) =>
  publicClient.simulateContract({
    account: from.account,
    address: escrow,
    abi: escrowAbi,
    functionName: "resolveDispute",
    args: [escrowId, bps],
  });
async function readAt(t: bigint) {
  await at(t);
  await testClient.mine({ blocks: 1 });
}

/** A rental started at a known second, claimed 100 s in and disputed by the buyer 200 s in. */
async function disputedRental() {
  const { escrowId } = await openRental(escrow, { rate: RATE, amount: AMOUNT });
  const startedAt = (await now()) + 10n;
  await at(startedAt);
  await act(provider, escrow, "markStarted", escrowId);
  await at(startedAt + 100n);
  await act(provider, escrow, "claim", escrowId);
  await at(startedAt + 200n);
  await act(buyer, escrow, "openDispute", escrowId);
  return { escrowId, startedAt, disputedAt: startedAt + 200n };
}

describe("a dispute on a rental", () => {
  it("freezes the meter when it opens; the arbiter splits only what is still held, claims stay claimed", async () => {
    const { escrowId, startedAt, disputedAt } = await disputedRental();
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 4, stoppedAt: disputedAt, disputedAt, claimed: 10_000n });
    await readAt(startedAt + 3_000n);
    expect(await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "accrued", args: [escrowId] })).toBe(20_000n);
    expect(await actReverts(provider, escrow, "claim", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 4] });

    const receipt = await mined(await arbiter.writeContract((await resolve(escrowId, 5_000)).request));
    const split = resolveSplit(AMOUNT, FEE_BPS, 5_000, 10_000n);
    expect(split).toEqual({ buyerAmount: 175_000n, ...providerPayment(10_000n, 175_000n, FEE_BPS) });
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "DisputeResolved", args: { escrowId, providerBps: 5_000, ...split } },
    ]);
    expect(await creditOf(escrow, B())).toBe(175_000n);
    expect(await creditOf(escrow, P())).toBe(providerPayment(0n, 185_000n, FEE_BPS).providerAmount);
    expect(await creditOf(escrow, treasury)).toBe(providerPayment(0n, 185_000n, FEE_BPS).fee);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 7, claimed: 185_000n });
  });

  it("left unresolved, falls back after DISPUTE_TIMEOUT: the provider gets what accrued until the dispute, less its claims", async () => {
    const { escrowId, disputedAt } = await disputedRental();
    expect(await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "DISPUTE_TIMEOUT" })).toBe(DISPUTE_TIMEOUT);
    const timesOutAt = disputedAt + DISPUTE_TIMEOUT;
    await readAt(timesOutAt - 1n);
    const early = publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "settleDisputeTimeout",
      args: [escrowId],
      blockOverrides: { time: timesOutAt },
    });
    expect(await reverted(early)).toEqual({ errorName: "DisputeTimeoutNotReached", args: [escrowId, timesOutAt] });
    await at(timesOutAt + 1n);
    const receipt = await act(buyer, escrow, "settleDisputeTimeout", escrowId);
    const { providerAmount, fee } = providerPayment(10_000n, 10_000n, FEE_BPS);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "DisputeTimedOut", args: { escrowId, by: B(), buyerAmount: AMOUNT - 20_000n, providerAmount, fee } },
    ]);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 7, claimed: 20_000n });
    expect(await creditOf(escrow, B())).toBe(AMOUNT - 20_000n);
  });
});

describe("the default outcome of a fixed-price dispute", () => {
  it.each([
    ["only Started: the buyer gets everything back", false, 0n],
    ["Completed: the provider is paid in full", true, 1_000_000n],
  ])("when the job was %s", async (_label, complete, providerGross) => {
    const { escrowId } = await openEscrow(escrow, { amount: 1_000_000n });
    await act(provider, escrow, "markStarted", escrowId);
    if (complete) await act(provider, escrow, "markCompleted", escrowId);
    const receipt = await act(buyer, escrow, "openDispute", escrowId);
    const disputedAt = (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
    expect((await escrowState(escrow, escrowId)).disputedAt).toBe(disputedAt);
    await at(disputedAt + DISPUTE_TIMEOUT + 1n);
    const settled = await act(provider, escrow, "settleDisputeTimeout", escrowId);
    const { providerAmount, fee } = providerPayment(0n, providerGross, FEE_BPS);
    expect(eventsOf(escrowAbi, settled)).toMatchObject([
      { eventName: "DisputeTimedOut", args: { by: P(), buyerAmount: 1_000_000n - providerGross, providerAmount, fee } },
    ]);
    expect(await creditOf(escrow, P())).toBe(providerAmount);
  });

  it("is for the parties only, only on a disputed escrow, and the arbiter may still decide until someone applies it", async () => {
    const { escrowId } = await openEscrow(escrow);
    await act(provider, escrow, "markStarted", escrowId);
    expect(await actReverts(buyer, escrow, "settleDisputeTimeout", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 2] });
    await act(buyer, escrow, "openDispute", escrowId);
    await readAt((await now()) + DISPUTE_TIMEOUT + 10n);
    expect(await actReverts(stranger, escrow, "settleDisputeTimeout", escrowId)).toEqual({
      errorName: "NotParty",
      args: [escrowId, stranger.account.address],
    });
    await mined(await arbiter.writeContract((await resolve(escrowId, 2_500)).request));
    expect(await actReverts(buyer, escrow, "settleDisputeTimeout", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 7] });
  });
});

describe("arbiter neutrality", () => {
  it("an arbiter who is the buyer, the provider or one of the provider's operators cannot decide, others can", async () => {
    const { escrowId } = await openEscrow(escrow);
    await act(provider, escrow, "markStarted", escrowId);
    await act(buyer, escrow, "openDispute", escrowId);
    await mined(
      await provider.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "setOperator",
        args: [operator.account.address, true],
      }),
    );
    for (const party of [buyer, provider, operator]) {
      await grantRole(escrow, "ARBITER_ROLE", party.account.address);
      expect(await reverted(resolve(escrowId, 5_000, party))).toEqual({
        errorName: "ConflictOfInterest",
        args: [escrowId, party.account.address],
      });
    }
    // The provider is a fine arbiter for somebody else's escrow.
    const other = await openEscrow(escrow, { to: stranger.account.address });
    await act(stranger, escrow, "markStarted", other.escrowId);
    await act(buyer, escrow, "openDispute", other.escrowId);
    await mined(await provider.writeContract((await resolve(other.escrowId, 5_000, provider)).request));
    await mined(await arbiter.writeContract((await resolve(escrowId, 5_000)).request));
  });
});
