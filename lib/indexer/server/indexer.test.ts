import { getAddress, keccak256, parseUnits, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { idlegridEscrowAbi, idlegridEscrowBytecode } from "@/lib/chain/generated/IdlegridEscrow";
import { mockErc20Abi, mockErc20Bytecode } from "@/contracts/generated/MockERC20";
import { db } from "@/lib/core/server/db";
import { tryIndexerLock } from "@/lib/indexer/server/lock";
import { openedMismatch } from "@/lib/orders/server/state";
import { chainClient, escrow, escrowWrite, fundedWallet, indexer, mined, order, pay, rental, statusOf, token } from "@/test/payments";
import { baseUnitsOf } from "@/lib/core/money";

async function deployFrom(
  wallet: Awaited<ReturnType<typeof fundedWallet>>,
  abi: typeof idlegridEscrowAbi | typeof mockErc20Abi,
  bytecode: `0x${string}`,
  args: readonly unknown[],
) {
  const receipt = await mined(await wallet.deployContract({ abi, bytecode, args } as Parameters<typeof wallet.deployContract>[0]));
  return getAddress(receipt.contractAddress as string);
}

async function eventsOf(orderId: string) {
  return db.chainEvent.findMany({ where: { orderId }, orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }] });
}

describe("indexer: what funds an order", () => {
  it("funds an order only when the EscrowOpened matches it exactly", async () => {
    const r = await rental();
    const good = await order(r);
    const underpaid = await order(r);
    const overpaid = await order(r);
    await pay(r.buyerWallet, good);
    await pay(r.buyerWallet, underpaid, { amount: baseUnitsOf(underpaid.amount) - 1n });
    await pay(r.buyerWallet, overpaid, { amount: baseUnitsOf(overpaid.amount) + 1n });
    await indexer().catchUp();

    expect(await statusOf(good.id)).toBe("FUNDED");
    expect(await statusOf(underpaid.id)).toBe("PENDING_PAYMENT");
    expect(await statusOf(overpaid.id)).toBe("PENDING_PAYMENT");
    const [ignored] = await eventsOf(underpaid.id);
    expect(ignored).toMatchObject({ eventName: "EscrowOpened", applied: false });
    expect(ignored?.ignoredReason).toMatch(/^amount /);
    expect((await eventsOf(good.id)).map((e) => [e.eventName, e.applied])).toEqual([
      ["EscrowOpened", true],
      ["RentalOpened", true],
    ]);
    // The rental part of a refused opening is refused with it.
    expect((await eventsOf(underpaid.id)).map((e) => [e.eventName, e.applied])).toEqual([
      ["EscrowOpened", false],
      ["RentalOpened", false],
    ]);
  });

  it("never credits a payment made to another escrow, in the same token or another token", async () => {
    const r = await rental();
    const sameTokenOtherEscrow = await order(r);
    const otherToken = await order(r);
    const deployer = await fundedWallet();
    const admin = deployer.account.address;
    const rogueEscrow = await deployFrom(deployer, idlegridEscrowAbi, idlegridEscrowBytecode, [token, admin, admin, admin, 0, 3600n]);
    const fakeUsdc = await deployFrom(deployer, mockErc20Abi, mockErc20Bytecode, ["Fake USD", "USDC", 6]);
    const fakeEscrow = await deployFrom(deployer, idlegridEscrowAbi, idlegridEscrowBytecode, [fakeUsdc, admin, admin, admin, 0, 3600n]);
    await mined(
      await deployer.writeContract({
        address: fakeUsdc,
        abi: mockErc20Abi,
        functionName: "mint",
        args: [r.buyerWallet.account.address, parseUnits("1000", 6)],
      }),
    );

    await pay(r.buyerWallet, sameTokenOtherEscrow, { escrow: rogueEscrow });
    await pay(r.buyerWallet, otherToken, { escrow: fakeEscrow, token: fakeUsdc });
    await indexer().catchUp();

    for (const o of [sameTokenOtherEscrow, otherToken]) {
      expect(await statusOf(o.id)).toBe("PENDING_PAYMENT");
      expect(await eventsOf(o.id)).toEqual([]);
    }
    // Even if such a log reached the matcher (an indexer pointed at the wrong contract), it would not match.
    const deadline = otherToken.startDeadline;
    const terms = {
      chainId: 31337,
      escrowAddress: escrow,
      orderIdHex: otherToken.orderIdHex,
      buyerAddress: otherToken.buyerAddress,
      providerAddress: otherToken.providerAddress,
      amount: 1n,
      ratePerSecond: 5n,
      startDeadline: deadline,
      tokenAddress: token,
    };
    const log = {
      chainId: 31337,
      contract: escrow,
      orderId: otherToken.orderIdHex,
      buyer: otherToken.buyerAddress,
      provider: otherToken.providerAddress,
      amount: 1n,
      ratePerSecond: 5n,
      startDeadline: BigInt(Math.floor(deadline.getTime() / 1000)),
      token,
    };
    expect(openedMismatch(terms, log)).toBeNull();
    expect(openedMismatch(terms, { ...log, contract: fakeEscrow })).toMatch(/^escrow /);
    expect(openedMismatch(terms, { ...log, chainId: 8453 })).toMatch(/^chain /);
    expect(openedMismatch(terms, { ...log, provider: r.buyerWallet.account.address })).toMatch(/^provider /);
    expect(openedMismatch(terms, { ...log, token: fakeUsdc })).toMatch(/^token /);
    expect(openedMismatch(terms, { ...log, ratePerSecond: 4n })).toMatch(/^rate 4 /);
    expect(openedMismatch(terms, { ...log, ratePerSecond: null })).toMatch(/^opened fixed-price/);
    expect(openedMismatch({ ...terms, ratePerSecond: null }, log)).toMatch(/^opened as a metered rental/);
    expect(openedMismatch(terms, { ...log, startDeadline: log.startDeadline - 1n })).toMatch(/^start deadline /);
  });

  it("records a payment for an unknown order without crediting anything", async () => {
    const r = await rental();
    const real = await order(r);
    const unknownId = keccak256(stringToHex(`not-an-order-${Date.now()}`));
    const receipt = await pay(r.buyerWallet, real, { orderIdHex: unknownId });
    await indexer().catchUp();
    const row = await db.chainEvent.findFirstOrThrow({ where: { txHash: receipt.transactionHash.toLowerCase() } });
    expect(row).toMatchObject({ orderId: null, applied: false, ignoredReason: "no order has this escrow id" });
    expect(await statusOf(real.id)).toBe("PENDING_PAYMENT");
  });

  it("follows the rental to PAID, counts the provider's rental once, and re-reading changes nothing", async () => {
    const r = await rental();
    const o = await order(r);
    await pay(r.buyerWallet, o);
    await escrowWrite(r.providerWallet, "markStarted", o.escrowId);
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("ACTIVE");
    await escrowWrite(r.buyerWallet, "release", o.escrowId);
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("PAID");

    const before = await db.chainEvent.count();
    // Rewind the cursor without touching events: the whole history is read again.
    await db.indexerCursor.updateMany({ data: { lastBlock: -1n } });
    await db.indexedBlock.deleteMany({});
    await indexer().catchUp();
    expect(await db.chainEvent.count()).toBe(before);
    expect((await eventsOf(o.id)).map((e) => e.eventName)).toEqual(["EscrowOpened", "RentalOpened", "EscrowStarted", "EscrowReleased"]);
    const provider = await db.user.findUniqueOrThrow({ where: { id: r.provider.id } });
    expect(provider.completedRentals).toBe(1);
    expect(await statusOf(o.id)).toBe("PAID");
  });

  it("dates funding and settlement by the blocks' timestamps, not by when it reads them", async () => {
    const r = await rental();
    const o = await order(r);
    const opened = await pay(r.buyerWallet, o);
    await escrowWrite(r.providerWallet, "markStarted", o.escrowId);
    const released = await escrowWrite(r.buyerWallet, "release", o.escrowId);
    // Index well after the chain moved on, as an indexer catching up after an outage would.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await indexer().catchUp();
    const blockTime = async (blockNumber: bigint) => new Date(Number((await chainClient.getBlock({ blockNumber })).timestamp) * 1000);
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id }, select: { status: true, fundedAt: true, settledAt: true } });
    expect(row.status).toBe("PAID");
    expect(row.fundedAt).toEqual(await blockTime(opened.blockNumber));
    expect(row.settledAt).toEqual(await blockTime(released.blockNumber));
    const events = await db.chainEvent.findMany({ where: { orderId: o.id }, select: { blockNumber: true, blockTime: true } });
    for (const e of events) expect(e.blockTime).toEqual(await blockTime(e.blockNumber));
  });

  it("two indexers racing over the same range apply each event once", async () => {
    const r = await rental();
    // One after another: each finds the machine the one before took, and rents a twin.
    const orders = [await order(r), await order(r), await order(r)];
    for (const o of orders) await pay(r.buyerWallet, o);
    const a = indexer({ batchBlocks: 1n });
    const b = indexer({ batchBlocks: 1n });
    const race = async (ix: typeof a) => {
      for (let i = 0; i < 200; i++) {
        // A CursorMoved failure is the loser of a race: it rolled back and simply tries again.
        const result = await ix
          .tick()
          .catch((error: Error) => (error.name === "Error" && /cursor moved/.test(error.message) ? null : Promise.reject(error)));
        if (result?.kind === "idle") return;
      }
    };
    await Promise.all([race(a), race(b)]);
    for (const o of orders) {
      expect(await statusOf(o.id)).toBe("FUNDED");
      // EscrowOpened and RentalOpened, once each.
      expect(await eventsOf(o.id)).toHaveLength(2);
    }
  });

  it("holds an advisory lock so a second indexer process cannot start (PostgreSQL; PGlite has one session)", async () => {
    const url = process.env.DATABASE_URL as string;
    const first = await tryIndexerLock(url, 31337, escrow);
    expect(first).not.toBeNull();
    if (first?.embedded) {
      // One backend session for every connection: no lock to take; the cursor compare (tested above) is what protects.
      expect(await tryIndexerLock(url, 31337, escrow)).toMatchObject({ embedded: true });
      return;
    }
    const second = await tryIndexerLock(url, 31337, escrow);
    expect(second).toBeNull();
    await first?.release();
    const third = await tryIndexerLock(url, 31337, escrow);
    expect(third).not.toBeNull();
    await third?.release();
  });
});
