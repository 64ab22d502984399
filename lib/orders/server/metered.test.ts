/**
 * Metered rentals end to end on the test anvil: the transactions the API answers, sent from real wallets,
 * settled by the escrow and read back by the indexer. Time moves with anvil's clock (evm_increaseTime,
 * evm_mine, or a pinned next block time where the test needs an exact second); each test runs inside an
 * evm snapshot that is reverted afterwards, so no other test file sees the moved clock.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Address, Hex } from "viem";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { providerPayment } from "@/lib/chain/escrow";
import { db } from "@/lib/core/server/db";
import { baseUnitsOf } from "@/lib/core/money";
import { DISPUTE_TIMEOUT_SECONDS } from "@/lib/orders/metering";
import { transitionOrder } from "@/lib/orders/server/transitions";
import type { TxRequest } from "@/lib/orders/order-dto";
import { LOCAL_ESCROW_FEE_BPS } from "@/scripts/lib/deploy-local";
import { testClient } from "@/test/chain";
import { callerFor, chainClient, escrow, escrowWrite, indexer, mined, order, pay, rental, type Rental, type Wallet } from "@/test/payments";

// 1.80 per GPU-hour on 2 GPUs is exactly 1,000 base units per second: no rounding in the numbers below.
const PRICE = "1800000";
const RATE = 1_000n;
const HOUR = 3_600n;

let snapshot: Hex;
beforeEach(async () => {
  snapshot = await testClient.snapshot();
});
afterEach(async () => {
  // The clock and every transaction of the test go back; the next indexer run rewinds what it stored.
  await testClient.revert({ id: snapshot });
});

const credits = (account: string) =>
  chainClient.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "credits", args: [account as Address] });
const treasury = () => chainClient.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "treasury" });
const blockTime = async (receipt: { blockNumber: bigint }) => (await chainClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
const indexed = (id: string) => db.order.findUniqueOrThrow({ where: { id } });

async function send(wallet: Wallet, txs: readonly TxRequest[]) {
  let last;
  for (const tx of txs) last = await mined(await wallet.sendTransaction({ to: tx.to, data: tx.data }));
  if (!last) throw new Error("the API answered no transaction");
  return last;
}

/** A 3-hour rental on 2 GPUs at 1,000 per second, paid and started, with the start indexed. */
async function running(r?: Rental) {
  const parties = r ?? (await rental({ pricePerGpuHour: PRICE, gpuCount: 2 }));
  const o = await order(parties, 3);
  expect(baseUnitsOf(o.ratePerSecond!)).toBe(RATE);
  await pay(parties.buyerWallet, o);
  const started = await escrowWrite(parties.providerWallet, "markStarted", o.escrowId);
  await indexer().catchUp();
  return { r: parties, o, startedAt: await blockTime(started) };
}

describe("metered rentals", () => {
  it("a buyer who stops after a third of the time holds exactly the unaccrued two thirds back, to the base unit", async () => {
    const { r, o, startedAt } = await running();
    const amount = baseUnitsOf(o.amount);
    expect(amount).toBe(3n * HOUR * RATE);
    expect(await indexed(o.id)).toMatchObject({ status: "ACTIVE", startedAt: new Date(Number(startedAt) * 1000) });
    const buyer = r.buyerWallet.account.address;
    const provider = r.providerWallet.account.address;
    const [buyerBefore, providerBefore] = [await credits(buyer), await credits(provider)];

    // Most of the hour passes on anvil's clock; the stop lands exactly one hour (a third) after the start.
    await testClient.increaseTime({ seconds: 3_000 });
    await testClient.mine({ blocks: 1 });
    const { transaction } = await transitionOrder(callerFor(r.buyer), o.id, "stop", {});
    await testClient.setNextBlockTimestamp({ timestamp: startedAt + HOUR });
    await send(r.buyerWallet, [transaction!]);

    const twoThirds = (amount * 2n) / 3n;
    const { providerAmount, fee } = providerPayment(0n, amount - twoThirds, LOCAL_ESCROW_FEE_BPS);
    expect((await credits(buyer)) - buyerBefore).toBe(twoThirds);
    expect((await credits(provider)) - providerBefore).toBe(providerAmount);

    await indexer().catchUp();
    const ended = await indexed(o.id);
    expect(ended.status).toBe("ENDED");
    expect([baseUnitsOf(ended.buyerRefunded), baseUnitsOf(ended.providerPaid), baseUnitsOf(ended.feePaid)]).toEqual([
      twoThirds,
      providerAmount,
      fee,
    ]);
    expect(ended.stoppedAt).toEqual(new Date(Number(startedAt + HOUR) * 1000));
    // The GPUs are free from the stop on, and a stop by the buyer after a real start counts as delivered.
    expect(ended.endsAt).toEqual(ended.stoppedAt);
    expect(ended.reliabilityOutcome).toBe("completed");
  });

  it("extends a running rental by hours: the server prices them, the escrow moves the end, the order follows", async () => {
    const { r, o, startedAt } = await running();
    // The provider cannot extend, and the listing's maximum bounds it.
    await expect(transitionOrder(callerFor(r.provider), o.id, "extend", { hours: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(transitionOrder(callerFor(r.buyer), o.id, "extend", { hours: 718 })).rejects.toMatchObject({
      status: 400,
      code: "invalid_parameter",
    });

    const plan = await transitionOrder(callerFor(r.buyer), o.id, "extend", { hours: 2 });
    expect(plan.transactions).toHaveLength(2);
    await send(r.buyerWallet, plan.transactions);
    await indexer().catchUp();

    const added = 2n * HOUR * RATE;
    const extended = await indexed(o.id);
    expect(extended.status).toBe("ACTIVE");
    expect(extended.hours).toBe(5);
    expect(baseUnitsOf(extended.amount)).toBe(5n * HOUR * RATE);
    expect(baseUnitsOf(extended.extendedAmount)).toBe(added);
    expect(extended.endsAt).toEqual(new Date(Number(startedAt + 5n * HOUR) * 1000));
    const onChain = await chainClient.readContract({
      address: escrow,
      abi: idlegridEscrowAbi,
      functionName: "getEscrow",
      args: [o.escrowId as Hex],
    });
    expect([onChain.amount, onChain.endsAt]).toEqual([5n * HOUR * RATE, startedAt + 5n * HOUR]);

    // Once the prepaid time has run out, there is nothing left to extend.
    await testClient.increaseTime({ seconds: 5 * 3_600 + 60 });
    await testClient.mine({ blocks: 1 });
    await expect(send(r.buyerWallet, plan.transactions)).rejects.toThrow();
  });

  it("lets the provider claim what accrued while running, and the last claim settles the rental", async () => {
    const { r, o, startedAt } = await running();
    const provider = r.providerWallet.account.address;
    const before = await credits(provider);
    // The buyer may not claim; the provider may once a second has accrued.
    await expect(transitionOrder(callerFor(r.buyer), o.id, "claim", {})).rejects.toMatchObject({ status: 403 });
    await testClient.increaseTime({ seconds: 1_800 });
    await testClient.mine({ blocks: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { transaction } = await transitionOrder(callerFor(r.provider), o.id, "claim", {});
    const claimed = await send(r.providerWallet, [transaction!]);
    const gross = RATE * ((await blockTime(claimed)) - startedAt);
    const first = providerPayment(0n, gross, LOCAL_ESCROW_FEE_BPS);
    expect((await credits(provider)) - before).toBe(first.providerAmount);

    await indexer().catchUp();
    const mid = await indexed(o.id);
    expect(mid.status).toBe("ACTIVE");
    expect([baseUnitsOf(mid.claimed), baseUnitsOf(mid.providerPaid), baseUnitsOf(mid.feePaid)]).toEqual([
      gross,
      first.providerAmount,
      first.fee,
    ]);

    // After the prepaid end, claiming takes the rest and ends the rental: the fee is that of one payment of the whole amount.
    await testClient.increaseTime({ seconds: 3 * 3_600 });
    await testClient.mine({ blocks: 1 });
    await escrowWrite(r.providerWallet, "claim", o.escrowId);
    await indexer().catchUp();
    const amount = baseUnitsOf(o.amount);
    const whole = providerPayment(0n, amount, LOCAL_ESCROW_FEE_BPS);
    const ended = await indexed(o.id);
    expect(ended.status).toBe("ENDED");
    expect([baseUnitsOf(ended.providerPaid), baseUnitsOf(ended.feePaid), baseUnitsOf(ended.buyerRefunded)]).toEqual([
      whole.providerAmount,
      whole.fee,
      0n,
    ]);
    expect((await credits(provider)) - before).toBe(whole.providerAmount);
    await expect(escrowWrite(r.providerWallet, "claim", o.escrowId)).rejects.toThrow();
  });

  it("never funds an order opened with another start deadline, rate or kind; a one-minute deadline does not even open", async () => {
    const r = await rental({ pricePerGpuHour: PRICE, gpuCount: 2 });
    const [short, later, wrongRate, fixed] = [await order(r), await order(r), await order(r), await order(r)];
    const now = (await chainClient.getBlock()).timestamp;
    // The contract refuses a deadline inside its minimum window (10 minutes).
    await expect(pay(r.buyerWallet, short, { startDeadline: now + 60n })).rejects.toThrow(/InvalidStartDeadline/);
    // A deadline the contract takes but the order did not set is never credited.
    await pay(r.buyerWallet, later, { startDeadline: BigInt(Math.floor(later.startDeadline.getTime() / 1000)) - 1n });
    await pay(r.buyerWallet, wrongRate, { ratePerSecond: RATE + 1n });
    await pay(r.buyerWallet, fixed, { ratePerSecond: null });
    await indexer().catchUp();

    expect((await indexed(short.id)).status).toBe("PENDING_PAYMENT");
    const reasons = async (id: string) =>
      (
        await db.chainEvent.findMany({ where: { orderId: id, eventName: "EscrowOpened" }, select: { applied: true, ignoredReason: true } })
      ).map((e) => [e.applied, e.ignoredReason]);
    for (const [o, reason] of [
      [later, /^start deadline /],
      [wrongRate, /^rate 1001 per second, order is for 1000/],
      [fixed, /^opened fixed-price, order is a metered rental/],
    ] as const) {
      expect((await indexed(o.id)).status, o.id).toBe("PENDING_PAYMENT");
      const [[applied, why]] = (await reasons(o.id)) as [[boolean, string]];
      expect(applied).toBe(false);
      expect(why).toMatch(reason);
    }
    // The money is not stuck: the buyer stops the stray escrow and gets all of it back.
    const buyer = r.buyerWallet.account.address;
    const before = await credits(buyer);
    await escrowWrite(r.buyerWallet, "stop", later.escrowId);
    expect((await credits(buyer)) - before).toBe(baseUnitsOf(later.amount));
  });

  it("does not count a rental the buyer stopped before its start against the provider, but does count a provider's refund", async () => {
    const r = await rental({ pricePerGpuHour: PRICE, gpuCount: 2 });
    const [stopped, refunded] = [await order(r), await order(r)];
    await pay(r.buyerWallet, stopped);
    await pay(r.buyerWallet, refunded);
    await indexer().catchUp();
    const { transaction } = await transitionOrder(callerFor(r.buyer), stopped.id, "stop", {});
    await send(r.buyerWallet, [transaction!]);
    await escrowWrite(r.providerWallet, "refund", refunded.escrowId);
    await indexer().catchUp();

    const a = await indexed(stopped.id);
    expect([a.status, baseUnitsOf(a.buyerRefunded), a.reliabilityOutcome]).toEqual(["REFUNDED", baseUnitsOf(stopped.amount), null]);
    const b = await indexed(refunded.id);
    expect([b.status, b.reliabilityOutcome]).toEqual(["REFUNDED", "failed"]);
    expect(
      await db.user.findUniqueOrThrow({ where: { id: r.provider.id }, select: { completedRentals: true, failedRentals: true } }),
    ).toEqual({ completedRentals: 0, failedRentals: 1 });
  });

  it("settles a dispute the arbiter left alone by the default rule after its timeout, and the order becomes RESOLVED", async () => {
    expect(await chainClient.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "DISPUTE_TIMEOUT" })).toBe(
      BigInt(DISPUTE_TIMEOUT_SECONDS),
    );
    const { r, o, startedAt } = await running();
    await testClient.increaseTime({ seconds: 1_200 });
    await testClient.mine({ blocks: 1 });
    const { transaction } = await transitionOrder(callerFor(r.buyer), o.id, "dispute", {});
    const disputed = await send(r.buyerWallet, [transaction!]);
    const frozenAt = await blockTime(disputed);
    await indexer().catchUp();
    expect(await indexed(o.id)).toMatchObject({
      status: "DISPUTED",
      disputedAt: new Date(Number(frozenAt) * 1000),
      stoppedAt: new Date(Number(frozenAt) * 1000),
    });
    // Before the timeout neither the API nor the contract settles it.
    await expect(transitionOrder(callerFor(r.provider), o.id, "settle", {})).rejects.toMatchObject({
      status: 409,
      code: "dispute_timeout_not_reached",
    });
    await expect(escrowWrite(r.providerWallet, "settleDisputeTimeout", o.escrowId)).rejects.toThrow();

    await testClient.increaseTime({ seconds: DISPUTE_TIMEOUT_SECONDS + 60 });
    await testClient.mine({ blocks: 1 });
    const [buyerBefore, providerBefore, feesBefore] = [
      await credits(r.buyerWallet.account.address),
      await credits(r.providerWallet.account.address),
      await credits(await treasury()),
    ];
    await escrowWrite(r.providerWallet, "settleDisputeTimeout", o.escrowId);
    await indexer().catchUp();

    // The provider gets what accrued until the dispute froze the meter, the buyer the rest.
    const accrued = RATE * (frozenAt - startedAt);
    const amount = baseUnitsOf(o.amount);
    const { providerAmount, fee } = providerPayment(0n, accrued, LOCAL_ESCROW_FEE_BPS);
    const resolved = await indexed(o.id);
    expect(resolved.status).toBe("RESOLVED");
    expect([baseUnitsOf(resolved.providerPaid), baseUnitsOf(resolved.feePaid), baseUnitsOf(resolved.buyerRefunded)]).toEqual([
      providerAmount,
      fee,
      amount - accrued,
    ]);
    expect((await credits(r.buyerWallet.account.address)) - buyerBefore).toBe(amount - accrued);
    expect((await credits(r.providerWallet.account.address)) - providerBefore).toBe(providerAmount);
    expect((await credits(await treasury())) - feesBefore).toBe(fee);
    const events = await db.chainEvent.findMany({ where: { orderId: o.id, applied: true }, select: { eventName: true } });
    expect(events.map((e) => e.eventName)).toContain("DisputeTimedOut");
  });
});
