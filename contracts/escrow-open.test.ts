import { encodeDeployData, zeroAddress, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { computeEscrowId } from "@/lib/chain/escrow";
import { idlegridEscrowBytecode } from "@/lib/chain/generated/IdlegridEscrow";
import { mockErc20Abi } from "@/contracts/generated/MockERC20";
import { MAX_START_WINDOW } from "./escrow-model";
import {
  admin,
  arbiter,
  at,
  balanceOf,
  buyer,
  deployEscrow,
  deployToken,
  escrowAbi,
  escrowFixture,
  escrowState,
  eventsOf,
  FEE_BPS,
  mined,
  mint,
  newOrderId,
  now,
  openEscrow,
  otherBuyer,
  provider,
  publicClient,
  reverted,
  signPermit,
  stranger,
  treasury,
  isolateFile,
  type Wallet,
} from "./test-helpers";

isolateFile();

/** Simulates a deployment of the escrow with constructor `args` and returns its custom error. */
async function constructorRevert(args: readonly unknown[]) {
  const data = encodeDeployData({ abi: escrowAbi, bytecode: idlegridEscrowBytecode, args: args as never });
  return reverted(publicClient.call({ account: admin.account, data }));
}

describe("IdlegridEscrow deployment", () => {
  it("fixes the token, roles, treasury, fee and dispute window", async () => {
    const { token, escrow } = await escrowFixture();
    const read = <F extends "token" | "treasury" | "feeBps" | "disputeWindow" | "MAX_FEE_BPS" | "paused">(functionName: F) =>
      publicClient.readContract({ address: escrow, abi: escrowAbi, functionName });
    expect(await read("token")).toBe(token);
    expect(await read("treasury")).toBe(treasury);
    expect(await read("feeBps")).toBe(FEE_BPS);
    expect(await read("disputeWindow")).toBe(86_400n);
    expect(await read("MAX_FEE_BPS")).toBe(1_000);
    expect(await read("paused")).toBe(false);
    const arbiterRole = await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "ARBITER_ROLE" });
    const hasRole = (role: Hex, who: Address) =>
      publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "hasRole", args: [role, who] });
    expect(await hasRole(arbiterRole, arbiter.account.address)).toBe(true);
    expect(await hasRole(arbiterRole, admin.account.address)).toBe(false);
    expect(await hasRole(`0x${"00".repeat(32)}`, admin.account.address)).toBe(true);
  });

  it("fits EIP-170's 24,576-byte limit on deployed code, so it deploys on every chain", async () => {
    const { escrow } = await escrowFixture();
    const code = await publicClient.getCode({ address: escrow });
    expect(((code?.length ?? 0) - 2) / 2).toBeLessThanOrEqual(24_576);
  });

  it("rejects a token without code, zero addresses, a fee above the cap and a bad dispute window", async () => {
    const token = await deployToken("usdc");
    const a = admin.account.address;
    const eoa = stranger.account.address;
    expect(await constructorRevert([eoa, a, a, a, 250, 86_400n])).toEqual({ errorName: "InvalidToken", args: [eoa] });
    expect((await constructorRevert([token, zeroAddress, a, a, 250, 86_400n])).errorName).toBe("ZeroAddress");
    expect((await constructorRevert([token, a, zeroAddress, a, 250, 86_400n])).errorName).toBe("ZeroAddress");
    expect((await constructorRevert([token, a, a, zeroAddress, 250, 86_400n])).errorName).toBe("ZeroAddress");
    expect(await constructorRevert([token, a, a, a, 1_001, 86_400n])).toEqual({ errorName: "FeeTooHigh", args: [1001n, 1000n] });
    expect(await constructorRevert([token, a, a, a, 250, 3_599n])).toEqual({ errorName: "InvalidDisputeWindow", args: [3599n] });
    expect(await constructorRevert([token, a, a, a, 250, 30n * 86_400n + 1n])).toEqual({
      errorName: "InvalidDisputeWindow",
      args: [30n * 86_400n + 1n],
    });
  });
});

describe("opening an escrow after approve", () => {
  it("pulls the amount, records the terms and emits EscrowOpened with every field", async () => {
    const { token, escrow } = await escrowFixture();
    const before = await balanceOf(token, buyer.account.address);
    const { escrowId, orderId, startDeadline, receipt } = await openEscrow(escrow, { amount: 1_234_567n });

    expect(escrowId).toBe(computeEscrowId(31337, escrow, buyer.account.address, orderId));
    expect(await balanceOf(token, escrow)).toBe(1_234_567n);
    expect(await balanceOf(token, buyer.account.address)).toBe(before - 1_234_567n);
    expect(await escrowState(escrow, escrowId)).toEqual({
      buyer: buyer.account.address,
      startDeadline,
      status: 1,
      feeBps: FEE_BPS,
      kind: 0,
      provider: provider.account.address,
      completedAt: 0n,
      amount: 1_234_567n,
      orderId,
      ratePerSecond: 0n,
      claimed: 0n,
      startedAt: 0n,
      endsAt: 0n,
      stoppedAt: 0n,
      disputedAt: 0n,
    });
    const [event] = eventsOf(escrowAbi, receipt);
    expect(event).toMatchObject({
      eventName: "EscrowOpened",
      args: {
        escrowId,
        orderId,
        buyer: buyer.account.address,
        provider: provider.account.address,
        amount: 1_234_567n,
        startDeadline,
        feeBps: FEE_BPS,
      },
    });
  });

  it("returns the escrow id, and a second buyer with the same order id gets a different escrow", async () => {
    const { escrow } = await escrowFixture();
    const orderId = newOrderId();
    const deadline = (await now()) + 3600n;
    const { result } = await publicClient.simulateContract({
      account: buyer.account,
      address: escrow,
      abi: escrowAbi,
      functionName: "open",
      args: [orderId, provider.account.address, 5n, deadline],
    });
    expect(result).toBe(computeEscrowId(31337, escrow, buyer.account.address, orderId));
    // Someone who copies the order id from the mempool only opens an escrow of their own.
    const squatter = await openEscrow(escrow, { from: otherBuyer, orderId });
    const real = await openEscrow(escrow, { orderId });
    expect(squatter.escrowId).not.toBe(real.escrowId);
  });

  it("reverts with a named error for every invalid open", async () => {
    const { escrow } = await escrowFixture();
    const deadline = (await now()) + 3600n;
    const simulateOpen = (args: readonly [Hex, Address, bigint, bigint], from: Wallet = buyer) =>
      reverted(publicClient.simulateContract({ account: from.account, address: escrow, abi: escrowAbi, functionName: "open", args }));
    const p = provider.account.address;

    expect(await simulateOpen([newOrderId(), zeroAddress, 1n, deadline])).toEqual({ errorName: "InvalidProvider", args: [zeroAddress] });
    expect(await simulateOpen([newOrderId(), buyer.account.address, 1n, deadline])).toEqual({
      errorName: "InvalidProvider",
      args: [buyer.account.address],
    });
    expect(await simulateOpen([newOrderId(), p, 0n, deadline])).toEqual({ errorName: "ZeroAmount", args: [] });
    const t = await now();
    // simulate runs in the next block, one second or more after `t`; a deadline of `t` is already past.
    expect((await simulateOpen([newOrderId(), p, 1n, t])).errorName).toBe("InvalidStartDeadline");

    const { orderId, escrowId } = await openEscrow(escrow);
    expect(await simulateOpen([orderId, p, 1n, deadline])).toEqual({ errorName: "EscrowAlreadyExists", args: [escrowId] });
    // No allowance: the token's own error surfaces.
    expect((await simulateOpen([newOrderId(), p, 1n, deadline], stranger)).errorName).toBe("ERC20InsufficientAllowance");
  });
});

describe("the start window", () => {
  it("gives the provider at least MIN_START_WINDOW and locks money at most MAX_START_WINDOW, to the second, for both kinds", async () => {
    const { escrow } = await escrowFixture();
    const read = (functionName: "MIN_START_WINDOW" | "MAX_START_WINDOW") =>
      publicClient.readContract({ address: escrow, abi: escrowAbi, functionName });
    expect(await read("MIN_START_WINDOW")).toBe(600n);
    expect(await read("MAX_START_WINDOW")).toBe(MAX_START_WINDOW);
    const p = provider.account.address;
    const base = { account: buyer.account, address: escrow, abi: escrowAbi } as const;
    let t = (await now()) + 100n;
    for (const deadline of [t + 599n, t + MAX_START_WINDOW + 1n]) {
      const blockOverrides = { time: t };
      const expected = { errorName: "InvalidStartDeadline", args: [deadline, t] };
      expect(
        await reverted(
          publicClient.simulateContract({ ...base, functionName: "open", args: [newOrderId(), p, 1_000n, deadline], blockOverrides }),
        ),
      ).toEqual(expected);
      expect(
        await reverted(
          publicClient.simulateContract({
            ...base,
            functionName: "openRental",
            args: [newOrderId(), p, 1n, 1_000n, deadline],
            blockOverrides,
          }),
        ),
      ).toEqual(expected);
    }
    for (const window of [600n, MAX_START_WINDOW]) {
      await at(t);
      await mined(await buyer.writeContract({ ...base, functionName: "open", args: [newOrderId(), p, 1_000n, t + window] }));
      await at((t += 1n));
      await mined(await buyer.writeContract({ ...base, functionName: "openRental", args: [newOrderId(), p, 1n, 1_000n, t + window] }));
      t += 1n;
    }
  });
});

describe("opening with an EIP-2612 permit", () => {
  it("approves and funds in one transaction", async () => {
    const token = await deployToken("usdc");
    const escrow = await deployEscrow(token);
    const owner = stranger;
    await mint(token, owner.account.address, 50_000_000n);
    const deadline = (await now()) + 3600n;
    const { v, r, s } = await signPermit(owner, token, escrow, 7_000_000n, deadline);
    const orderId = newOrderId();
    const receipt = await mined(
      await owner.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "openWithPermit",
        args: [orderId, provider.account.address, 7_000_000n, deadline, deadline, v, r, s],
      }),
    );
    expect(eventsOf(escrowAbi, receipt).map((e) => e.eventName)).toEqual(["EscrowOpened"]);
    expect(await balanceOf(token, escrow)).toBe(7_000_000n);
    expect(
      await publicClient.readContract({
        address: token,
        abi: mockErc20Abi,
        functionName: "allowance",
        args: [owner.account.address, escrow],
      }),
    ).toBe(0n);
  });

  it("still opens when someone front-ran the permit, because the allowance is there", async () => {
    const { token, escrow } = await escrowFixture();
    const owner = stranger;
    await mint(token, owner.account.address, 50_000_000n);
    const deadline = (await now()) + 3600n;
    const { v, r, s } = await signPermit(owner, token, escrow, 3_000_000n, deadline);
    // The attacker submits the permit on its own first; the signature is now spent.
    await mined(
      await otherBuyer.writeContract({
        address: token,
        abi: mockErc20Abi,
        functionName: "permit",
        args: [owner.account.address, escrow, 3_000_000n, deadline, v, r, s],
      }),
    );
    await mined(
      await owner.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "openWithPermit",
        args: [newOrderId(), provider.account.address, 3_000_000n, deadline, deadline, v, r, s],
      }),
    );
    expect(await balanceOf(token, escrow)).toBe(3_000_000n);
  });

  it("fails with the token's allowance error when the permit is bad and nothing was approved", async () => {
    const { token, escrow } = await escrowFixture();
    await mint(token, stranger.account.address, 1_000n);
    const deadline = (await now()) + 3600n;
    const { v, r, s } = await signPermit(otherBuyer, token, escrow, 1_000n, deadline); // signed by the wrong owner
    const error = await reverted(
      publicClient.simulateContract({
        account: stranger.account,
        address: escrow,
        abi: escrowAbi,
        functionName: "openWithPermit",
        args: [newOrderId(), provider.account.address, 1_000n, deadline, deadline, v, r, s],
      }),
    );
    expect(error.errorName).toBe("ERC20InsufficientAllowance");
  });

  it("falls back to an existing approval on a token that has no permit at all", async () => {
    const { token, escrow } = await escrowFixture("feeOnTransfer");
    const deadline = (await now()) + 3600n;
    const zero = `0x${"00".repeat(32)}` as const;
    await mined(
      await buyer.writeContract({
        address: escrow,
        abi: escrowAbi,
        functionName: "openWithPermit",
        args: [newOrderId(), provider.account.address, 10_000n, deadline, deadline, 27, zero, zero],
      }),
    );
    expect(await balanceOf(token, escrow)).toBe(9_900n);
  });
});

describe("tokens other than a plain 6-decimal coin", () => {
  it("credits what a fee-on-transfer token delivered, not what was asked", async () => {
    const { token, escrow } = await escrowFixture("feeOnTransfer");
    const { escrowId, receipt } = await openEscrow(escrow, { amount: 1_000_000n });
    expect(await balanceOf(token, escrow)).toBe(990_000n);
    expect((await escrowState(escrow, escrowId)).amount).toBe(990_000n);
    expect(eventsOf(escrowAbi, receipt)[0]).toMatchObject({ eventName: "EscrowOpened", args: { amount: 990_000n } });
  });

  it("handles an 18-decimal token to the last wei", async () => {
    const { token, escrow } = await escrowFixture("dai18");
    const amount = 1_500_000_000_000_000_001n; // 1.500000000000000001 tokens
    const { escrowId } = await openEscrow(escrow, { amount });
    expect(await balanceOf(token, escrow)).toBe(amount);
    await mined(await buyer.writeContract({ address: escrow, abi: escrowAbi, functionName: "release", args: [escrowId] }));
    const fee = (amount * 250n) / 10_000n;
    const credit = (who: Address) => publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "credits", args: [who] });
    expect(await credit(provider.account.address)).toBe(amount - fee);
    expect(await credit(treasury)).toBe(fee);
    const before = await balanceOf(token, provider.account.address);
    await mined(await provider.writeContract({ address: escrow, abi: escrowAbi, functionName: "withdraw" }));
    expect(await balanceOf(token, provider.account.address)).toBe(before + amount - fee);
  });
});
