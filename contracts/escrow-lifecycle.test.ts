import { type Address, type Hex } from "viem";
import { beforeEach, describe, expect, it } from "vitest";
import { releaseSplit, resolveSplit } from "@/lib/chain/escrow";
import {
  act,
  actReverts,
  admin,
  arbiter,
  buyer,
  creditOf,
  DISPUTE_WINDOW,
  escrowAbi,
  escrowFixture,
  escrowState,
  eventsOf,
  FEE_BPS,
  isolateFile,
  mined,
  newOrderId,
  openEscrow,
  provider,
  publicClient,
  reverted,
  stranger,
  testClient,
  travel,
  treasury,
} from "./test-helpers";

isolateFile();

const AMOUNT = 10_000_000n; // 10 tokens of 6 decimals
let escrow: Address;
let escrowId: Hex;
let orderId: Hex;
let startDeadline: bigint;

beforeEach(async () => {
  ({ escrow } = await escrowFixture());
  ({ escrowId, orderId, startDeadline } = await openEscrow(escrow, { amount: AMOUNT }));
});

const status = async () => (await escrowState(escrow, escrowId)).status;
const B = () => buyer.account.address;
const P = () => provider.account.address;

/** Brings the fresh escrow to Started or Completed (returns the completion time). */
async function toStarted() {
  await act(provider, escrow, "markStarted", escrowId);
}
async function toCompleted() {
  await toStarted();
  const receipt = await act(provider, escrow, "markCompleted", escrowId);
  return (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
}

describe("markStarted", () => {
  it("lets the provider start before the deadline and emits EscrowStarted", async () => {
    const receipt = await act(provider, escrow, "markStarted", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "EscrowStarted", args: { escrowId, orderId, provider: P() } }]);
    expect(await status()).toBe(2);
  });

  it("reverts for anyone but the provider, an unknown escrow, a second start and a passed deadline", async () => {
    expect(await actReverts(buyer, escrow, "markStarted", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, B()] });
    const unknown = newOrderId();
    expect(await actReverts(provider, escrow, "markStarted", unknown)).toEqual({ errorName: "EscrowNotFound", args: [unknown] });
    const late = await openEscrow(escrow, { startIn: 600n });
    await travel(601n);
    expect(await actReverts(provider, escrow, "markStarted", late.escrowId)).toEqual({
      errorName: "StartDeadlinePassed",
      args: [late.escrowId, late.startDeadline],
    });
    await toStarted();
    expect(await actReverts(provider, escrow, "markStarted", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 2] });
  });
});

describe("markCompleted", () => {
  it("records the completion time and announces the dispute deadline", async () => {
    await toStarted();
    const receipt = await act(provider, escrow, "markCompleted", escrowId);
    const { timestamp } = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "EscrowCompleted", args: { escrowId, orderId, provider: P(), disputeDeadline: timestamp + DISPUTE_WINDOW } },
    ]);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 3, completedAt: timestamp });
  });

  it("reverts for anyone but the provider and before a start", async () => {
    expect(await actReverts(provider, escrow, "markCompleted", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 1] });
    await toStarted();
    expect(await actReverts(stranger, escrow, "markCompleted", escrowId)).toEqual({
      errorName: "NotProvider",
      args: [escrowId, stranger.account.address],
    });
  });
});

describe("openDispute", () => {
  it("lets the buyer dispute a running rental", async () => {
    await toStarted();
    const receipt = await act(buyer, escrow, "openDispute", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "EscrowDisputed", args: { escrowId, orderId, by: B() } }]);
    expect(await status()).toBe(4);
  });

  it("lets either party dispute up to and including the last second of the window after completion", async () => {
    const completedAt = await toCompleted();
    const closesAt = completedAt + DISPUTE_WINDOW;
    await testClient.setNextBlockTimestamp({ timestamp: closesAt });
    await act(provider, escrow, "openDispute", escrowId);
    expect(await status()).toBe(4);
  });

  it("refuses a dispute after the window, before a start, from a stranger and when already disputed", async () => {
    expect(await actReverts(buyer, escrow, "openDispute", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 1] });
    const completedAt = await toCompleted();
    expect(await actReverts(stranger, escrow, "openDispute", escrowId)).toEqual({
      errorName: "NotParty",
      args: [escrowId, stranger.account.address],
    });
    const second = await openEscrow(escrow);
    await act(provider, escrow, "markStarted", second.escrowId);
    await act(buyer, escrow, "openDispute", second.escrowId);
    expect(await actReverts(provider, escrow, "openDispute", second.escrowId)).toEqual({
      errorName: "InvalidStatus",
      args: [second.escrowId, 4],
    });
    await testClient.setNextBlockTimestamp({ timestamp: completedAt + DISPUTE_WINDOW + 1n });
    await testClient.mine({ blocks: 1 });
    expect(await actReverts(buyer, escrow, "openDispute", escrowId)).toEqual({
      errorName: "DisputeWindowClosed",
      args: [escrowId, completedAt + DISPUTE_WINDOW],
    });
  });
});

describe("release", () => {
  it.each([
    ["Funded", async () => {}],
    ["Started", toStarted],
    ["Completed", toCompleted],
    ["Disputed", async () => (await toStarted(), await act(provider, escrow, "openDispute", escrowId))],
  ])("pays the provider less the fee from %s, and only once", async (_state, reach) => {
    await reach();
    const receipt = await act(buyer, escrow, "release", escrowId);
    const { providerAmount, fee } = releaseSplit(AMOUNT, FEE_BPS);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "EscrowReleased", args: { escrowId, orderId, provider: P(), by: B(), providerAmount, fee } },
    ]);
    expect(await creditOf(escrow, P())).toBe(providerAmount);
    expect(await creditOf(escrow, treasury)).toBe(fee);
    expect(await status()).toBe(5);
    expect(await actReverts(buyer, escrow, "release", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 5] });
    expect(await actReverts(provider, escrow, "refund", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 5] });
  });

  it("is for the buyer only", async () => {
    expect(await actReverts(provider, escrow, "release", escrowId)).toEqual({ errorName: "NotBuyer", args: [escrowId, P()] });
  });

  it("keeps the fee the escrow was opened with when the admin changes it later", async () => {
    await mined(await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "setFeeBps", args: [1_000] }));
    await act(buyer, escrow, "release", escrowId);
    expect(await creditOf(escrow, treasury)).toBe(releaseSplit(AMOUNT, FEE_BPS).fee);
  });
});

describe("claimPayment", () => {
  it("pays the provider once the window after completion has passed with no dispute", async () => {
    const completedAt = await toCompleted();
    const closesAt = completedAt + DISPUTE_WINDOW;
    await testClient.setNextBlockTimestamp({ timestamp: closesAt - 5n });
    await testClient.mine({ blocks: 1 });
    expect(await actReverts(provider, escrow, "claimPayment", escrowId)).toEqual({
      errorName: "DisputeWindowOpen",
      args: [escrowId, closesAt],
    });
    await testClient.setNextBlockTimestamp({ timestamp: closesAt + 1n });
    const receipt = await act(provider, escrow, "claimPayment", escrowId);
    const { providerAmount, fee } = releaseSplit(AMOUNT, FEE_BPS);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "EscrowReleased", args: { by: P(), providerAmount, fee } }]);
    expect(await creditOf(escrow, P())).toBe(providerAmount);
  });

  it("is for the provider only, and only from Completed", async () => {
    await toStarted();
    expect(await actReverts(provider, escrow, "claimPayment", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 2] });
    expect(await actReverts(buyer, escrow, "claimPayment", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, B()] });
  });
});

describe("refund", () => {
  it.each([
    ["Funded", async () => {}],
    ["Completed", toCompleted],
    ["Disputed", async () => (await toStarted(), await act(buyer, escrow, "openDispute", escrowId))],
  ])("returns the whole amount to the buyer, fee-free, from %s", async (_state, reach) => {
    await reach();
    const receipt = await act(provider, escrow, "refund", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "EscrowRefunded", args: { escrowId, orderId, buyer: B(), by: P(), amount: AMOUNT } },
    ]);
    expect(await creditOf(escrow, B())).toBe(AMOUNT);
    expect(await creditOf(escrow, treasury)).toBe(0n);
    expect(await status()).toBe(6);
    expect(await actReverts(provider, escrow, "refund", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 6] });
  });

  it("is for the provider only", async () => {
    expect(await actReverts(buyer, escrow, "refund", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, B()] });
  });
});

describe("claimRefund", () => {
  it("gives the buyer the money back only after an unmet start deadline", async () => {
    await testClient.setNextBlockTimestamp({ timestamp: startDeadline });
    await testClient.mine({ blocks: 1 });
    expect(await actReverts(buyer, escrow, "claimRefund", escrowId)).toEqual({
      errorName: "StartDeadlineNotReached",
      args: [escrowId, startDeadline],
    });
    await testClient.setNextBlockTimestamp({ timestamp: startDeadline + 1n });
    expect(await actReverts(provider, escrow, "claimRefund", escrowId)).toEqual({ errorName: "NotBuyer", args: [escrowId, P()] });
    const receipt = await act(buyer, escrow, "claimRefund", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "EscrowRefunded", args: { by: B(), amount: AMOUNT } }]);
    expect(await creditOf(escrow, B())).toBe(AMOUNT);
  });

  it("no longer applies once the provider started", async () => {
    await toStarted();
    await travel(7_200n);
    expect(await actReverts(buyer, escrow, "claimRefund", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 2] });
  });
});

describe("resolveDispute", () => {
  const resolve = (bps: number, from = arbiter) =>
    publicClient.simulateContract({
      account: from.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "resolveDispute",
      args: [escrowId, bps],
    });

  it.each([0, 1, 3_333, 7_000, 10_000])("splits %i bps to the provider, fee on that share only, to the last unit", async (bps) => {
    await toStarted();
    await act(buyer, escrow, "openDispute", escrowId);
    const receipt = await mined(await arbiter.writeContract((await resolve(bps)).request));
    const split = resolveSplit(AMOUNT, FEE_BPS, bps);
    expect(split.buyerAmount + split.providerAmount + split.fee).toBe(AMOUNT);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "DisputeResolved", args: { escrowId, orderId, arbiter: arbiter.account.address, providerBps: bps, ...split } },
    ]);
    expect(await creditOf(escrow, B())).toBe(split.buyerAmount);
    expect(await creditOf(escrow, P())).toBe(split.providerAmount);
    expect(await creditOf(escrow, treasury)).toBe(split.fee);
    expect(await status()).toBe(7);
    expect(await reverted(resolve(bps))).toEqual({ errorName: "InvalidStatus", args: [escrowId, 7] });
  });

  it("is for the arbiter only, needs a dispute and a split within 100%", async () => {
    await toStarted();
    expect(await reverted(resolve(5_000))).toEqual({ errorName: "InvalidStatus", args: [escrowId, 2] });
    await act(provider, escrow, "openDispute", escrowId);
    const role = await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "ARBITER_ROLE" });
    expect(await reverted(resolve(5_000, admin))).toEqual({
      errorName: "AccessControlUnauthorizedAccount",
      args: [admin.account.address, role],
    });
    expect(await reverted(resolve(10_001))).toEqual({ errorName: "InvalidSplit", args: [10_001n] });
    const unknown = newOrderId();
    expect(
      await reverted(
        publicClient.simulateContract({
          account: arbiter.account,
          address: escrow,
          abi: escrowAbi,
          functionName: "resolveDispute",
          args: [unknown, 1],
        }),
      ),
    ).toEqual({ errorName: "EscrowNotFound", args: [unknown] });
  });
});
