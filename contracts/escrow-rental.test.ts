/**
 * Metered rentals: opening at a rate, the meter, claims, stops and extensions, each with every
 * revert it can raise. Times are set to the second (`at`), so every amount is exact.
 */
import { type Address, type Hex } from "viem";
import { beforeEach, describe, expect, it } from "vitest";
import { providerPayment, rentalEndsAt } from "@/lib/chain/escrow";
import {
  act,
  actReverts,
  approve,
  at,
  balanceOf,
  buyer,
  creditOf,
  escrowAbi,
  escrowFixture,
  escrowState,
  eventsOf,
  FEE_BPS,
  isolateFile,
  mined,
  newOrderId,
  now,
  openEscrow,
  openRental,
  operator,
  provider,
  publicClient,
  reverted,
  signPermit,
  stranger,
  testClient,
  treasury,
  type Wallet,
} from "./test-helpers";

isolateFile();

const RATE = 100n; // base units per second
const AMOUNT = 360_000n; // one hour
let escrow: Address;
let token: Address;
let escrowId: Hex;
let orderId: Hex;

beforeEach(async () => {
  ({ escrow, token } = await escrowFixture());
  ({ escrowId, orderId } = await openRental(escrow, { rate: RATE, amount: AMOUNT }));
});

const B = () => buyer.account.address;
const P = () => provider.account.address;
const accrued = () => publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "accrued", args: [escrowId] });
/** Starts the rental at a known second and returns it. */
async function start(id = escrowId) {
  const startedAt = (await now()) + 10n;
  await at(startedAt);
  await act(provider, escrow, "markStarted", id);
  return startedAt;
}
/** Mines an empty block at `t`, so views read the chain at that time. */
async function readAt(t: bigint) {
  await at(t);
  await testClient.mine({ blocks: 1 });
}
const extend = async (amount: bigint, from: Wallet = buyer) =>
  mined(await from.writeContract({ address: escrow, abi: escrowAbi, functionName: "extend", args: [escrowId, amount] }));
const simulateExtend = (amount: bigint, from: Wallet = buyer, id = escrowId) =>
  reverted(
    publicClient.simulateContract({ account: from.account, address: escrow, abi: escrowAbi, functionName: "extend", args: [id, amount] }),
  );

describe("opening a rental", () => {
  it("escrows the prepaid amount at its rate and emits EscrowOpened then RentalOpened", async () => {
    const { escrowId: id, orderId: order, receipt, startDeadline } = await openRental(escrow, { rate: 7n, amount: 1_000n });
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      {
        eventName: "EscrowOpened",
        args: { escrowId: id, orderId: order, buyer: B(), provider: P(), amount: 1_000n, startDeadline, feeBps: FEE_BPS },
      },
      { eventName: "RentalOpened", args: { escrowId: id, orderId: order, ratePerSecond: 7n } },
    ]);
    expect(await escrowState(escrow, id)).toMatchObject({
      status: 1,
      kind: 1,
      ratePerSecond: 7n,
      amount: 1_000n,
      claimed: 0n,
      startedAt: 0n,
      endsAt: 0n,
    });
  });

  it("refuses a zero rate, a zero amount and the buyer as provider", async () => {
    const deadline = (await now()) + 3_600n;
    const open = (rate: bigint, amount: bigint, to: Address = P()) =>
      reverted(
        publicClient.simulateContract({
          account: buyer.account,
          address: escrow,
          abi: escrowAbi,
          functionName: "openRental",
          args: [newOrderId(), to, rate, amount, deadline],
        }),
      );
    expect(await open(0n, 1_000n)).toEqual({ errorName: "ZeroRate", args: [] });
    expect(await open(1n, 0n)).toEqual({ errorName: "ZeroAmount", args: [] });
    expect(await open(1n, 1n, B())).toEqual({ errorName: "InvalidProvider", args: [B()] });
  });

  it("with a permit approves and funds in one transaction, and survives a front-run permit", async () => {
    const deadline = (await now()) + 3_600n;
    await approve(buyer, token, escrow, 0n); // only the permit may grant the allowance
    const { v, r, s } = await signPermit(buyer, token, escrow, 5_000n, deadline);
    const args = [newOrderId(), P(), 5n, 5_000n, deadline, deadline, v, r, s] as const;
    const receipt = await mined(await buyer.writeContract({ address: escrow, abi: escrowAbi, functionName: "openRentalWithPermit", args }));
    expect(eventsOf(escrowAbi, receipt).map((e) => e.eventName)).toEqual(["EscrowOpened", "RentalOpened"]);
    // The same (now spent) permit again: it is ignored, and without an allowance the token refuses.
    const again = [newOrderId(), P(), 5n, 5_000n, deadline, deadline, v, r, s] as const;
    const error = await reverted(
      publicClient.simulateContract({
        account: buyer.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "openRentalWithPermit",
        args: again,
      }),
    );
    expect(error.errorName).toBe("ERC20InsufficientAllowance");
  });

  it("with a fee-on-transfer token, meters what arrived: the end follows the amount received", async () => {
    const fot = await escrowFixture("feeOnTransfer");
    const rental = await openRental(fot.escrow, { rate: 7n, amount: 1_000_000n });
    expect((await escrowState(fot.escrow, rental.escrowId)).amount).toBe(990_000n);
    const startedAt = (await now()) + 5n;
    await at(startedAt);
    await act(provider, fot.escrow, "markStarted", rental.escrowId);
    // 990,000 / 7 = 141,428.57...: the end is the next whole second.
    expect((await escrowState(fot.escrow, rental.escrowId)).endsAt).toBe(startedAt + 141_429n);
  });
});

describe("the meter", () => {
  it("accrues rate × whole seconds from the start, capped at the prepaid amount; the last second accrues only the remainder", async () => {
    const { escrowId: id } = await openRental(escrow, { rate: 7n, amount: 100n });
    const startedAt = await start(id);
    expect(await escrowState(escrow, id)).toMatchObject({ status: 2, startedAt, endsAt: startedAt + 15n });
    expect(rentalEndsAt(startedAt, 100n, 7n)).toBe(startedAt + 15n);
    const meter = () => publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "accrued", args: [id] });
    for (const [seconds, value] of [
      [5n, 35n],
      [14n, 98n],
      [15n, 100n],
      [1_000n, 100n],
    ] as const) {
      await readAt(startedAt + seconds);
      expect(await meter(), `after ${seconds} s`).toBe(value);
    }
  });

  it("reads 0 for a fixed-price escrow and before the start", async () => {
    const fixed = await openEscrow(escrow);
    expect(await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "accrued", args: [fixed.escrowId] })).toBe(0n);
    expect(await accrued()).toBe(0n);
  });
});

describe("claim", () => {
  it("credits the provider what accrued so far, less the fee, and announces it", async () => {
    const startedAt = await start();
    await at(startedAt + 600n);
    const receipt = await act(provider, escrow, "claim", escrowId);
    const { providerAmount, fee } = providerPayment(0n, 60_000n, FEE_BPS);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "RentalClaimed", args: { escrowId, orderId, provider: P(), by: P(), providerAmount, fee } },
    ]);
    expect(await creditOf(escrow, P())).toBe(providerAmount);
    expect(await creditOf(escrow, treasury)).toBe(fee);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 2, claimed: 60_000n });
    // Never more than has accrued: nothing more in the same second.
    const same = publicClient.simulateContract({
      account: provider.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "claim",
      args: [escrowId],
      blockOverrides: { time: startedAt + 600n },
    });
    expect(await reverted(same)).toEqual({ errorName: "NothingToClaim", args: [escrowId] });
  });

  it("in many small steps pays exactly the fee of one payment of the same total", async () => {
    const { escrowId: id } = await openRental(escrow, { rate: 33n, amount: 100_000n });
    const startedAt = await start(id);
    for (const second of [1n, 2n, 7n, 8n, 30n]) {
      await at(startedAt + second);
      await act(provider, escrow, "claim", id);
    }
    expect(await creditOf(escrow, treasury)).toBe(providerPayment(0n, 33n * 30n, FEE_BPS).fee);
    expect(await creditOf(escrow, P())).toBe(providerPayment(0n, 33n * 30n, FEE_BPS).providerAmount);
  });

  it("of the last unit ends the rental (RentalEnded), after which nothing is left to claim", async () => {
    const startedAt = await start();
    await at(startedAt + 3_600n + 60n);
    const receipt = await act(provider, escrow, "claim", escrowId);
    expect(eventsOf(escrowAbi, receipt).map((e) => e.eventName)).toEqual(["RentalClaimed", "RentalEnded"]);
    expect(eventsOf(escrowAbi, receipt)[1]).toMatchObject({
      args: { by: P(), endedAt: startedAt + 3_600n, buyerAmount: 0n, providerAmount: 0n, fee: 0n },
    });
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 9, claimed: AMOUNT });
    expect(await accrued()).toBe(AMOUNT);
    expect(await actReverts(provider, escrow, "claim", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 9] });
  });

  it("is for the provider or its operator, on a started rental, never a fixed-price escrow", async () => {
    expect(await actReverts(provider, escrow, "claim", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 1] });
    await start();
    expect(await actReverts(buyer, escrow, "claim", escrowId)).toEqual({ errorName: "NotProvider", args: [escrowId, B()] });
    expect(await actReverts(operator, escrow, "claim", escrowId)).toEqual({
      errorName: "NotProvider",
      args: [escrowId, operator.account.address],
    });
    const fixed = await openEscrow(escrow);
    await act(provider, escrow, "markStarted", fixed.escrowId);
    expect(await actReverts(provider, escrow, "claim", fixed.escrowId)).toEqual({ errorName: "WrongKind", args: [fixed.escrowId, 0] });
    expect(await actReverts(provider, escrow, "markCompleted", escrowId)).toEqual({ errorName: "WrongKind", args: [escrowId, 1] });
  });
});

describe("stop", () => {
  it("lets the buyer end a running rental in one transaction: the provider gets what accrued, the buyer the rest", async () => {
    const startedAt = await start();
    await at(startedAt + 100n);
    await act(provider, escrow, "claim", escrowId);
    await at(startedAt + 1_000n);
    const receipt = await act(buyer, escrow, "stop", escrowId);
    const { providerAmount, fee } = providerPayment(10_000n, 90_000n, FEE_BPS);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      {
        eventName: "RentalEnded",
        args: { escrowId, orderId, by: B(), endedAt: startedAt + 1_000n, buyerAmount: 260_000n, providerAmount, fee },
      },
    ]);
    expect(await creditOf(escrow, B())).toBe(260_000n);
    expect(await creditOf(escrow, P())).toBe(providerPayment(0n, 100_000n, FEE_BPS).providerAmount);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 9, stoppedAt: startedAt + 1_000n, claimed: 100_000n });
    expect(await accrued()).toBe(100_000n);
  });

  it("after the prepaid end pays the provider everything, dated at the end; the provider may stop too", async () => {
    const startedAt = await start();
    await at(startedAt + 5_000n);
    const receipt = await act(provider, escrow, "stop", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "RentalEnded", args: { by: P(), endedAt: startedAt + 3_600n, buyerAmount: 0n } },
    ]);
    expect(await creditOf(escrow, P())).toBe(providerPayment(0n, AMOUNT, FEE_BPS).providerAmount);
  });

  it("before a start refunds the buyer in full: nothing ran", async () => {
    const receipt = await act(buyer, escrow, "stop", escrowId);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "EscrowRefunded", args: { escrowId, buyer: B(), by: B(), amount: AMOUNT } },
    ]);
    expect(await escrowState(escrow, escrowId)).toMatchObject({ status: 6 });
    expect(await creditOf(escrow, B())).toBe(AMOUNT);
  });

  it("is for the parties only, on a funded or running rental, never a fixed-price escrow", async () => {
    expect(await actReverts(stranger, escrow, "stop", escrowId)).toEqual({
      errorName: "NotParty",
      args: [escrowId, stranger.account.address],
    });
    await mined(
      await provider.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "setOperator",
        args: [operator.account.address, true],
      }),
    );
    expect(await actReverts(operator, escrow, "stop", escrowId)).toEqual({
      errorName: "NotParty",
      args: [escrowId, operator.account.address],
    });
    const fixed = await openEscrow(escrow);
    expect(await actReverts(buyer, escrow, "stop", fixed.escrowId)).toEqual({ errorName: "WrongKind", args: [fixed.escrowId, 0] });
    await start();
    await act(buyer, escrow, "openDispute", escrowId);
    expect(await actReverts(buyer, escrow, "stop", escrowId)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 4] });
  });
});

describe("extend", () => {
  it("adds to a funded rental, and moves a running rental's end out by what the amount buys", async () => {
    let receipt = await extend(40_000n);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "RentalExtended", args: { escrowId, orderId, added: 40_000n, amount: 400_000n, endsAt: 0n } },
    ]);
    const startedAt = await start();
    expect((await escrowState(escrow, escrowId)).endsAt).toBe(startedAt + 4_000n);
    await at(startedAt + 3_999n);
    receipt = await extend(50_050n); // 500.5 seconds more
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "RentalExtended", args: { added: 50_050n, amount: 450_050n, endsAt: startedAt + 4_501n } },
    ]);
    expect(await balanceOf(token, escrow)).toBe(450_050n);
  });

  it("refuses once the prepaid time ran out, from anyone but the buyer, a zero amount, a fixed-price or settled escrow", async () => {
    expect(await simulateExtend(1n, provider)).toEqual({ errorName: "NotBuyer", args: [escrowId, P()] });
    expect(await simulateExtend(0n)).toEqual({ errorName: "ZeroAmount", args: [] });
    const fixed = await openEscrow(escrow);
    expect(await simulateExtend(1n, buyer, fixed.escrowId)).toEqual({ errorName: "WrongKind", args: [fixed.escrowId, 0] });
    const startedAt = await start();
    await readAt(startedAt + 3_600n);
    expect(await simulateExtend(1n)).toEqual({ errorName: "RentalExpired", args: [escrowId, startedAt + 3_600n] });
    await act(buyer, escrow, "stop", escrowId);
    expect(await simulateExtend(1n)).toEqual({ errorName: "InvalidStatus", args: [escrowId, 9] });
  });

  it("with a permit funds the extension in one transaction", async () => {
    await approve(buyer, token, escrow, 0n);
    const deadline = (await now()) + 3_600n;
    const { v, r, s } = await signPermit(buyer, token, escrow, 1_000n, deadline);
    const receipt = await mined(
      await buyer.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "extendWithPermit",
        args: [escrowId, 1_000n, deadline, v, r, s],
      }),
    );
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "RentalExtended", args: { added: 1_000n, amount: AMOUNT + 1_000n } }]);
  });
});

describe("concessions and the start deadline on a rental", () => {
  it("release pays the provider everything still held, refund returns it to the buyer, both after a claim", async () => {
    const startedAt = await start();
    await at(startedAt + 100n);
    await act(provider, escrow, "claim", escrowId);
    const released = await act(buyer, escrow, "release", escrowId);
    expect(eventsOf(escrowAbi, released)).toMatchObject([
      { eventName: "EscrowReleased", args: providerPayment(10_000n, AMOUNT - 10_000n, FEE_BPS) },
    ]);
    expect(await creditOf(escrow, P())).toBe(providerPayment(0n, AMOUNT, FEE_BPS).providerAmount);

    const second = await openRental(escrow, { rate: RATE, amount: AMOUNT });
    const secondStart = await start(second.escrowId);
    await at(secondStart + 100n);
    await act(provider, escrow, "claim", second.escrowId);
    const refunded = await act(provider, escrow, "refund", second.escrowId);
    expect(eventsOf(escrowAbi, refunded)).toMatchObject([{ eventName: "EscrowRefunded", args: { amount: AMOUNT - 10_000n } }]);
  });

  it("an unstarted rental is the buyer's again after the start deadline", async () => {
    const { escrowId: id, startDeadline } = await openRental(escrow, { startIn: 900n });
    await readAt(startDeadline + 1n);
    expect(await actReverts(provider, escrow, "markStarted", id)).toEqual({ errorName: "StartDeadlinePassed", args: [id, startDeadline] });
    await act(buyer, escrow, "claimRefund", id);
    expect(await escrowState(escrow, id)).toMatchObject({ status: 6 });
  });
});
