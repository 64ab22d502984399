import { encodeDeployData, encodeFunctionData, zeroAddress, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { releaseSplit } from "@/lib/chain/escrow";
import { blacklistTokenAbi } from "@/contracts/generated/BlacklistToken";
import { mockErc20Abi, mockErc20Bytecode } from "@/contracts/generated/MockERC20";
import { reentrantTokenAbi } from "@/contracts/generated/ReentrantToken";
import { walletFor } from "@/test/chain";
import { DISPUTE_TIMEOUT } from "./escrow-model";
import {
  act,
  admin,
  arbiter,
  balanceOf,
  buyer,
  creditOf,
  DISPUTE_WINDOW,
  escrowAbi,
  escrowFixture,
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
  provider,
  publicClient,
  reverted,
  stranger,
  testClient,
  travel,
  treasury,
  type Wallet,
} from "./test-helpers";

isolateFile();

const treasuryWallet = walletFor(9);
const AMOUNT = 4_000_000n;

const withdraw = async (wallet: Wallet, escrow: Address) =>
  mined(await wallet.writeContract({ address: escrow, abi: escrowAbi, functionName: "withdraw" }));
const simulate = (wallet: Wallet, escrow: Address, functionName: "withdraw" | "pause" | "unpause") =>
  publicClient.simulateContract({ account: wallet.account, address: escrow, abi: escrowAbi, functionName });

describe("withdraw", () => {
  it("sends exactly the credit once, emits Withdrawn, then has nothing left to send", async () => {
    const { token, escrow } = await escrowFixture();
    const { escrowId } = await openEscrow(escrow, { amount: AMOUNT });
    await act(buyer, escrow, "release", escrowId);
    const { providerAmount } = releaseSplit(AMOUNT, FEE_BPS);
    const before = await balanceOf(token, provider.account.address);
    const receipt = await withdraw(provider, escrow);
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([
      { eventName: "Withdrawn", args: { account: provider.account.address, amount: providerAmount } },
    ]);
    expect(await balanceOf(token, provider.account.address)).toBe(before + providerAmount);
    expect(await creditOf(escrow, provider.account.address)).toBe(0n);
    expect(await reverted(simulate(provider, escrow, "withdraw"))).toEqual({
      errorName: "NothingToWithdraw",
      args: [provider.account.address],
    });
  });
});

describe("a USDC-style blacklist", () => {
  it("blocks only the blacklisted provider's own withdrawal, never settlement or others' funds", async () => {
    const { token, escrow } = await escrowFixture("blacklist");
    const paid = await openEscrow(escrow, { amount: AMOUNT });
    const unstarted = await openEscrow(escrow, { amount: AMOUNT, startIn: 600n });
    await mined(
      await admin.writeContract({
        address: token,
        abi: blacklistTokenAbi,
        functionName: "setBlacklisted",
        args: [provider.account.address, true],
      }),
    );

    await act(buyer, escrow, "release", paid.escrowId); // settlement moves no tokens, so it cannot be blocked
    await travel(601n);
    await act(buyer, escrow, "claimRefund", unstarted.escrowId);

    expect(await reverted(simulate(provider, escrow, "withdraw"))).toEqual({ errorName: "Blacklisted", args: [provider.account.address] });
    const buyerBefore = await balanceOf(token, buyer.account.address);
    await withdraw(buyer, escrow);
    await withdraw(treasuryWallet, escrow);
    const { providerAmount, fee } = releaseSplit(AMOUNT, FEE_BPS);
    expect(await balanceOf(token, buyer.account.address)).toBe(buyerBefore + AMOUNT);
    expect(await balanceOf(token, treasury)).toBe(fee);
    // The blocked provider's money stays credited and fully backed.
    expect(await creditOf(escrow, provider.account.address)).toBe(providerAmount);
    expect(await balanceOf(token, escrow)).toBe(providerAmount);
  });
});

describe("reentrancy", () => {
  async function armed(payload: Hex) {
    const { token, escrow } = await escrowFixture("reentrant");
    await mined(await admin.writeContract({ address: token, abi: reentrantTokenAbi, functionName: "arm", args: [escrow, payload] }));
    return { token, escrow };
  }

  it("a token calling back into withdraw during a withdrawal is stopped by the guard", async () => {
    const { token, escrow } = await escrowFixture("reentrant");
    const { escrowId } = await openEscrow(escrow, { amount: AMOUNT });
    await act(buyer, escrow, "release", escrowId);
    const withdrawCall = encodeFunctionData({ abi: escrowAbi, functionName: "withdraw" });
    await mined(await admin.writeContract({ address: token, abi: reentrantTokenAbi, functionName: "arm", args: [escrow, withdrawCall] }));
    expect((await reverted(simulate(provider, escrow, "withdraw"))).errorName).toBe("ReentrancyGuardReentrantCall");
    expect(await creditOf(escrow, provider.account.address)).toBe(releaseSplit(AMOUNT, FEE_BPS).providerAmount);
    expect(await balanceOf(token, escrow)).toBe(AMOUNT);
  });

  it("a token calling back into release while an escrow is being funded is stopped too", async () => {
    const { escrow } = await armed(encodeFunctionData({ abi: escrowAbi, functionName: "release", args: [newOrderId()] }));
    const error = await reverted(
      publicClient.simulateContract({
        account: buyer.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "open",
        args: [newOrderId(), provider.account.address, AMOUNT, (await now()) + 3600n],
      }),
    );
    expect(error.errorName).toBe("ReentrancyGuardReentrantCall");
  });

  it("a token calling back into stop while a rental is extended is stopped too", async () => {
    const { token, escrow } = await escrowFixture("reentrant");
    const rental = await openRental(escrow);
    await act(provider, escrow, "markStarted", rental.escrowId);
    const stopCall = encodeFunctionData({ abi: escrowAbi, functionName: "stop", args: [rental.escrowId] });
    await mined(await admin.writeContract({ address: token, abi: reentrantTokenAbi, functionName: "arm", args: [escrow, stopCall] }));
    const extend = publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "extend",
      args: [rental.escrowId, 1_000n],
    });
    expect((await reverted(extend)).errorName).toBe("ReentrancyGuardReentrantCall");
  });
});

describe("pause", () => {
  it("stops new escrows only: settlement, disputes and withdrawals keep working", async () => {
    const { escrow } = await escrowFixture();
    const a = await openEscrow(escrow, { amount: AMOUNT });
    const b = await openEscrow(escrow, { amount: AMOUNT });
    const receipt = await mined(await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "pause" }));
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "Paused", args: { account: admin.account.address } }]);

    const deadline = (await now()) + 3600n;
    const zero = `0x${"00".repeat(32)}` as const;
    const open = publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "open",
      args: [newOrderId(), provider.account.address, 1n, deadline],
    });
    expect(await reverted(open)).toEqual({ errorName: "EnforcedPause", args: [] });
    const openWithPermit = publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "openWithPermit",
      args: [newOrderId(), provider.account.address, 1n, deadline, deadline, 27, zero, zero],
    });
    expect(await reverted(openWithPermit)).toEqual({ errorName: "EnforcedPause", args: [] });

    await act(provider, escrow, "markStarted", a.escrowId);
    await act(provider, escrow, "markCompleted", a.escrowId);
    await act(buyer, escrow, "openDispute", a.escrowId);
    await mined(
      await arbiter.writeContract({ address: escrow, abi: escrowAbi, functionName: "resolveDispute", args: [a.escrowId, 5_000] }),
    );
    await act(buyer, escrow, "release", b.escrowId);
    await withdraw(provider, escrow);
    await withdraw(buyer, escrow);

    await mined(await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "unpause" }));
    await openEscrow(escrow);
    expect(await reverted(simulate(admin, escrow, "unpause"))).toEqual({ errorName: "ExpectedPause", args: [] });
  });

  it("stops rentals' opens and extensions too, never their claims, stops, monitor stops or dispute timeouts", async () => {
    const { escrow } = await escrowFixture();
    await grantRole(escrow, "MONITOR_ROLE", monitor.account.address);
    const [a, b, c] = [await openRental(escrow), await openRental(escrow), await openRental(escrow)];
    for (const r of [a, b, c]) await act(provider, escrow, "markStarted", r.escrowId);
    await mined(await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "pause" }));
    const base = { account: buyer.account, address: escrow, abi: escrowAbi } as const;
    const deadline = (await now()) + 3600n;
    const zero = `0x${"00".repeat(32)}` as const;
    for (const call of [
      () =>
        publicClient.simulateContract({
          ...base,
          functionName: "openRental",
          args: [newOrderId(), provider.account.address, 1n, 1n, deadline],
        }),
      () =>
        publicClient.simulateContract({
          ...base,
          functionName: "openRentalWithPermit",
          args: [newOrderId(), provider.account.address, 1n, 1n, deadline, deadline, 27, zero, zero],
        }),
      () => publicClient.simulateContract({ ...base, functionName: "extend", args: [a.escrowId, 1n] }),
      () => publicClient.simulateContract({ ...base, functionName: "extendWithPermit", args: [a.escrowId, 1n, deadline, 27, zero, zero] }),
    ]) {
      expect(await reverted(call())).toEqual({ errorName: "EnforcedPause", args: [] });
    }
    await travel(100n);
    await act(provider, escrow, "claim", a.escrowId);
    await act(buyer, escrow, "stop", a.escrowId);
    const stoppedAt = await now();
    await mined(
      await monitor.writeContract({ address: escrow, abi: escrowAbi, functionName: "monitorStop", args: [b.escrowId, stoppedAt] }),
    );
    await travel(DISPUTE_WINDOW + 1n);
    await act(provider, escrow, "finalizeMonitorStop", b.escrowId);
    await act(buyer, escrow, "openDispute", c.escrowId);
    await travel(DISPUTE_TIMEOUT + 1n);
    await act(buyer, escrow, "settleDisputeTimeout", c.escrowId);
    await withdraw(provider, escrow);
  });

  it("is for the admin only", async () => {
    const { escrow } = await escrowFixture();
    expect(await reverted(simulate(arbiter, escrow, "pause"))).toEqual({
      errorName: "AccessControlUnauthorizedAccount",
      args: [arbiter.account.address, `0x${"00".repeat(32)}`],
    });
  });
});

describe("administration", () => {
  const ADMIN_ROLE = `0x${"00".repeat(32)}` as const;

  it("sets the fee up to the 10% cap and never above, announcing each change", async () => {
    const { escrow } = await escrowFixture();
    const setFee = (bps: number, from: Wallet = admin) =>
      publicClient.simulateContract({ account: from.account, address: escrow, abi: escrowAbi, functionName: "setFeeBps", args: [bps] });
    const receipt = await mined(await admin.writeContract((await setFee(1_000)).request));
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "FeeChanged", args: { oldFeeBps: FEE_BPS, newFeeBps: 1_000 } }]);
    expect(await reverted(setFee(1_001))).toEqual({ errorName: "FeeTooHigh", args: [1_001n, 1_000n] });
    expect(await reverted(setFee(0, stranger))).toEqual({
      errorName: "AccessControlUnauthorizedAccount",
      args: [stranger.account.address, ADMIN_ROLE],
    });
    // A fee of 0 is allowed, and new escrows snapshot it.
    await mined(await admin.writeContract((await setFee(0)).request));
    const { escrowId } = await openEscrow(escrow, { amount: AMOUNT });
    await act(buyer, escrow, "release", escrowId);
    expect(await creditOf(escrow, provider.account.address)).toBe(AMOUNT);
  });

  it("moves future fees to a new treasury while the old one keeps what it was credited", async () => {
    const { escrow } = await escrowFixture();
    const first = await openEscrow(escrow, { amount: AMOUNT });
    await act(buyer, escrow, "release", first.escrowId);
    const newTreasury = stranger.account.address;
    const setTreasury = (to: Address, from: Wallet = admin) =>
      publicClient.simulateContract({ account: from.account, address: escrow, abi: escrowAbi, functionName: "setTreasury", args: [to] });
    const receipt = await mined(await admin.writeContract((await setTreasury(newTreasury)).request));
    expect(eventsOf(escrowAbi, receipt)).toMatchObject([{ eventName: "TreasuryChanged", args: { oldTreasury: treasury, newTreasury } }]);
    expect(await reverted(setTreasury(zeroAddress))).toEqual({ errorName: "ZeroAddress", args: [] });
    expect((await reverted(setTreasury(newTreasury, arbiter))).errorName).toBe("AccessControlUnauthorizedAccount");

    const second = await openEscrow(escrow, { amount: AMOUNT });
    await act(buyer, escrow, "release", second.escrowId);
    const { fee } = releaseSplit(AMOUNT, FEE_BPS);
    expect(await creditOf(escrow, treasury)).toBe(fee);
    expect(await creditOf(escrow, newTreasury)).toBe(fee);
  });

  it("lets the admin grant and revoke the arbiter role, and nobody else", async () => {
    const { escrow } = await escrowFixture();
    const role = await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "ARBITER_ROLE" });
    const grant = (from: Wallet) =>
      publicClient.simulateContract({
        account: from.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "grantRole",
        args: [role, stranger.account.address],
      });
    expect(await reverted(grant(arbiter))).toEqual({
      errorName: "AccessControlUnauthorizedAccount",
      args: [arbiter.account.address, ADMIN_ROLE],
    });
    await mined(await admin.writeContract((await grant(admin)).request));

    const { escrowId } = await openEscrow(escrow, { amount: AMOUNT });
    await act(provider, escrow, "markStarted", escrowId);
    await act(buyer, escrow, "openDispute", escrowId);
    const resolve = () =>
      publicClient.simulateContract({
        account: stranger.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "resolveDispute",
        args: [escrowId, 1],
      });
    await resolve(); // the new arbiter could resolve now
    await mined(
      await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "revokeRole", args: [role, stranger.account.address] }),
    );
    expect((await reverted(resolve())).errorName).toBe("AccessControlUnauthorizedAccount");
  });
});

describe("test tokens", () => {
  it("refuse to be deployed on any chain but the local one", async () => {
    const snapshot = await testClient.snapshot();
    try {
      await testClient.request({ method: "anvil_setChainId", params: [8453] } as never);
      const data = encodeDeployData({ abi: mockErc20Abi, bytecode: mockErc20Bytecode, args: ["X", "X", 6] });
      expect(await reverted(publicClient.call({ account: admin.account, data }))).toEqual({ errorName: "NotLocalChain", args: [8453n] });
    } finally {
      // The chain id is node configuration, not state: a snapshot revert does not restore it.
      await testClient.request({ method: "anvil_setChainId", params: [31337] } as never);
      await testClient.revert({ id: snapshot });
    }
  });
});
