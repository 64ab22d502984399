/**
 * Who else may act on an escrow: a provider's operators (start, complete, claim; the money still
 * goes to the provider) and the platform's uptime monitor (ends a running rental at an observed
 * moment; the split waits for the dispute window, then either party finalizes it).
 */
import { type Address, type Hex } from "viem";
import { beforeEach, describe, expect, it } from "vitest";
import { providerPayment } from "@/lib/chain/escrow";
import { DISPUTE_TIMEOUT, MAX_MONITOR_LOOKBACK } from "./escrow-model";
import {
  act,
  actReverts,
  admin,
  at,
  buyer,
  creditOf,
  DISPUTE_WINDOW,
  escrowAbi,
  escrowFixture,
  escrowState,
  eventsOf,
  FEE_BPS,
  grantRole,
  isolateFile,
  mined,
  monitor,
  newOrderId,
  now,
  openEscrow,
  openRental,
  operator,
  provider,
  publicClient,
  reverted,
  stranger,
  testClient,
  type Wallet,
} from "./test-helpers";

isolateFile();

const RATE = 100n;
const AMOUNT = 360_000n;
let escrow: Address;

beforeEach(async () => {
  ({ escrow } = await escrowFixture());
  await grantRole(escrow, "MONITOR_ROLE", monitor.account.address);
});

const B = () => buyer.account.address;
const P = () => provider.account.address;
const O = () => operator.account.address;
const setOperator = async (approved: boolean, who: Address = O(), from: Wallet = provider) =>
  mined(await from.writeContract({ address: escrow, abi: escrowAbi, functionName: "setOperator", args: [who, approved] }));
const monitorStop = (escrowId: Hex, endedAt: bigint, from: Wallet = monitor) =>
  publicClient.simulateContract({
    account: from.account,
    address: escrow,
    abi: escrowAbi,
    functionName: "monitorStop",
    args: [escrowId, endedAt],
  });
/** Sends the monitor's stop; gas is estimated on the pending block, so it honours `at`. */
const stopByMonitor = async (escrowId: Hex, endedAt: bigint) =>
  mined(await monitor.writeContract({ address: escrow, abi: escrowAbi, functionName: "monitorStop", args: [escrowId, endedAt] }));
async function readAt(t: bigint) {
  await at(t);
  await testClient.mine({ blocks: 1 });
}
async function startedRental() {
  const { escrowId, orderId } = await openRental(escrow, { rate: RATE, amount: AMOUNT });
  const startedAt = (await now()) + 10n;
  await at(startedAt);
  await act(provider, escrow, "markStarted", escrowId);
  return { escrowId, orderId, startedAt };
}

describe("operators", () => {
  it("are authorized and revoked by their provider, each change announced", async () => {
    const receipt = await setOperator(true);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "OperatorSet", args: { provider: P(), operator: O(), approved: true } },
    ]);
    const isOperator = () => publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "isOperator", args: [P(), O()] });
    expect(await isOperator()).toBe(true);
    await setOperator(false);
    expect(await isOperator()).toBe(false);
    const invalid = (who: Address) =>
      reverted(
        publicClient.simulateContract({
          account: provider.account,
          address: escrow,
          abi: escrowAbi,
          functionName: "setOperator",
          args: [who, true],
        }),
      );
    expect(await invalid("0x0000000000000000000000000000000000000000")).toEqual({
      errorName: "InvalidOperator",
      args: ["0x0000000000000000000000000000000000000000"],
    });
    expect(await invalid(P())).toEqual({ errorName: "InvalidOperator", args: [P()] });
  });

  it("start, complete and claim for the provider, and every payment still goes to the provider", async () => {
    await setOperator(true);
    const fixed = await openEscrow(escrow, { amount: 1_000_000n });
    const started = await act(operator, escrow, "markStarted", fixed.escrowId);
    expect(eventsOf(escrowAbi, started)).toMatchObject([{ eventName: "EscrowStarted", args: { provider: P() } }]);
    const completed = await act(operator, escrow, "markCompleted", fixed.escrowId);
    const completedAt = (await publicClient.getBlock({ blockNumber: completed.blockNumber })).timestamp;
    await at(completedAt + DISPUTE_WINDOW + 1n);
    await act(operator, escrow, "claimPayment", fixed.escrowId);
    const { escrowId, startedAt } = await startedRental();
    await at(startedAt + 50n);
    const claimed = await act(operator, escrow, "claim", escrowId);
    expect(eventsOf(escrowAbi, claimed)).toMatchObject([{ eventName: "RentalClaimed", args: { provider: P(), by: O() } }]);
    expect(await creditOf(escrow, O())).toBe(0n);
    expect(await creditOf(escrow, P())).toBe(
      providerPayment(0n, 1_000_000n, FEE_BPS).providerAmount + providerPayment(0n, 5_000n, FEE_BPS).providerAmount,
    );
  });

  it("cannot refund, stop, dispute or apply a timeout, and a revoked operator can do nothing", async () => {
    await setOperator(true);
    const { escrowId } = await startedRental();
    expect(await actReverts(operator, escrow, "refund", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, O()] });
    expect(await actReverts(operator, escrow, "stop", escrowId)).toEqual({ errorName: "NotParty", args: [escrowId, O()] });
    expect(await actReverts(operator, escrow, "openDispute", escrowId)).toEqual({ errorName: "NotParty", args: [escrowId, O()] });
    await setOperator(false);
    expect(await actReverts(operator, escrow, "claim", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, O()] });
    // Another provider's operator is nobody here.
    await setOperator(true, O(), stranger);
    expect(await actReverts(operator, escrow, "claim", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, O()] });
  });
});

describe("a monitor stop", () => {
  it("ends the rental at the observed moment; the split waits for the dispute window, then either party finalizes it", async () => {
    const { escrowId, orderId, startedAt } = await startedRental();
    const stoppedAt = startedAt + 1_000n;
    await at(stoppedAt);
    const receipt = await stopByMonitor(escrowId, startedAt + 400n);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      {
        eventName: "RentalMonitorStopped",
        args: {
          escrowId,
          orderId,
          monitor: monitor.account.address,
          endedAt: startedAt + 400n,
          disputeDeadline: stoppedAt + DISPUTE_WINDOW,
        },
      },
    ]);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 8, stoppedAt: startedAt + 400n, completedAt: stoppedAt });
    expect(await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "accrued", args: [escrowId] })).toBe(40_000n);
    expect(await actReverts(provider, escrow, "claim", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 8] });

    await readAt(stoppedAt + DISPUTE_WINDOW);
    expect(await actReverts(buyer, escrow, "finalizeMonitorStop", escrowId)).toMatchObject({ errorName: "DisputeWindowOpen" });
    expect(await actReverts(stranger, escrow, "finalizeMonitorStop", escrowId)).toEqual({
      errorName: "NotParty",
      args: [escrowId, stranger.account.address],
    });
    await at(stoppedAt + DISPUTE_WINDOW + 1n);
    const finalized = await act(buyer, escrow, "finalizeMonitorStop", escrowId);
    const { providerAmount, fee } = providerPayment(0n, 40_000n, FEE_BPS);
    expect(eventsOf(escrowAbi, finalized)).toMatchObject([
      { eventName: "RentalEnded", args: { by: B(), endedAt: startedAt + 400n, buyerAmount: AMOUNT - 40_000n, providerAmount, fee } },
    ]);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 9 });
    expect(await actReverts(buyer, escrow, "finalizeMonitorStop", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 9] });
  });

  it("can be disputed within the window, up to its last second; unresolved, its end time stands", async () => {
    const { escrowId, startedAt } = await startedRental();
    await at(startedAt + 1_000n);
    await stopByMonitor(escrowId, startedAt + 400n);
    const closesAt = startedAt + 1_000n + DISPUTE_WINDOW;
    await at(closesAt);
    await act(provider, escrow, "openDispute", escrowId);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 4, stoppedAt: startedAt + 400n, disputedAt: closesAt });
    await at(closesAt + DISPUTE_TIMEOUT + 1n);
    const receipt = await act(provider, escrow, "settleDisputeTimeout", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "DisputeTimedOut", args: { buyerAmount: AMOUNT - 40_000n } }]);

    const late = await startedRental();
    await at(late.startedAt + 10n);
    await stopByMonitor(late.escrowId, late.startedAt + 10n);
    await readAt(late.startedAt + 10n + DISPUTE_WINDOW + 1n);
    expect(await actReverts(provider, escrow, "openDispute", late.escrowId)).toEqual({
      errorName: "DisputeWindowClosed",
      args: [late.escrowId, late.startedAt + 10n + DISPUTE_WINDOW],
    });
  });

  it("cannot take back what the provider claimed after the monitor's end time", async () => {
    const { escrowId, startedAt } = await startedRental();
    await at(startedAt + 800n);
    await act(provider, escrow, "claim", escrowId);
    await at(startedAt + 900n);
    await stopByMonitor(escrowId, startedAt + 400n);
    await at(startedAt + 900n + DISPUTE_WINDOW + 1n);
    const receipt = await act(provider, escrow, "finalizeMonitorStop", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "RentalEnded", args: { buyerAmount: AMOUNT - 80_000n, providerAmount: 0n, fee: 0n } },
    ]);
  });

  it("must date the end between the start and now, at most MAX_MONITOR_LOOKBACK ago", async () => {
    const { escrowId, startedAt } = await startedRental();
    const t = startedAt + 2n * MAX_MONITOR_LOOKBACK;
    const call = (endedAt: bigint) =>
      publicClient.simulateContract({
        account: monitor.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "monitorStop",
        args: [escrowId, endedAt],
        blockOverrides: { time: t },
      });
    await readAt(t - 1n);
    for (const endedAt of [t + 1n, t - MAX_MONITOR_LOOKBACK - 1n]) {
      expect(await reverted(call(endedAt))).toEqual({ errorName: "InvalidEndTime", args: [escrowId, endedAt] });
    }
    await call(t); // the edges are allowed
    await call(t - MAX_MONITOR_LOOKBACK);
    const fresh = await startedRental();
    expect(await reverted(monitorStop(fresh.escrowId, fresh.startedAt - 1n))).toEqual({
      errorName: "InvalidEndTime",
      args: [fresh.escrowId, fresh.startedAt - 1n],
    });
    await stopByMonitor(fresh.escrowId, fresh.startedAt);
  });

  it("is for MONITOR_ROLE only, never a party or its operator, and only on a running rental", async () => {
    const { escrowId, startedAt } = await startedRental();
    const role = await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "MONITOR_ROLE" });
    expect(await reverted(monitorStop(escrowId, startedAt, admin))).toEqual({
      errorName: "AccessControlUnauthorizedAccount",
      args: [admin.account.address, role],
    });
    await setOperator(true);
    for (const party of [buyer, provider, operator]) {
      await grantRole(escrow, "MONITOR_ROLE", party.account.address);
      expect(await reverted(monitorStop(escrowId, startedAt, party))).toEqual({
        errorName: "ConflictOfInterest",
        args: [escrowId, party.account.address],
      });
    }
    const funded = await openRental(escrow);
    expect(await reverted(monitorStop(funded.escrowId, startedAt))).toEqual({ errorName: "InvalidStatus", args: [funded.escrowId, 1] });
    const fixed = await openEscrow(escrow);
    await act(provider, escrow, "markStarted", fixed.escrowId);
    expect(await reverted(monitorStop(fixed.escrowId, startedAt))).toEqual({ errorName: "WrongKind", args: [fixed.escrowId, 0] });
  });
});

describe("an unknown escrow", () => {
  it("is refused by every version-2 function with EscrowNotFound", async () => {
    const unknown = newOrderId();
    const expected = { errorName: "EscrowNotFound", args: [unknown] };
    for (const name of ["claim", "stop", "finalizeMonitorStop", "settleDisputeTimeout"] as const) {
      expect(await actReverts(buyer, escrow, name, unknown), name).toEqual(expected);
    }
    expect(await reverted(monitorStop(unknown, 1n))).toEqual(expected);
    const extend = publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "extend",
      args: [unknown, 1n],
    });
    expect(await reverted(extend)).toEqual(expected);
  });
});
