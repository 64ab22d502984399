/**
 * A staged reorg on anvil: the payment is mined and applied, then the chain is reverted to a
 * snapshot and different blocks are mined in its place. The indexer must notice from the stored
 * block hashes, take the payment back (FUNDED -> PENDING_PAYMENT) and apply the new branch once.
 */
import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { testClient } from "@/test/chain";
import { fundedWallet, indexer, mined, order, pay, rental, statusOf } from "@/test/payments";

describe("indexer: reorgs", () => {
  it("rewinds an order funded on a branch that disappeared, then applies the new branch once", async () => {
    const r = await rental();
    const o = await order(r);
    const stranger = await fundedWallet();
    await indexer().catchUp();

    const snapshot = await testClient.snapshot();
    const paid = await pay(r.buyerWallet, o);
    await testClient.mine({ blocks: 2 });
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("FUNDED");
    const cursorBefore = await db.indexerCursor.findFirstOrThrow({ where: { contract: o.escrowAddress } });

    // The branch with the payment is gone; the new one has other transactions at the same heights.
    await testClient.revert({ id: snapshot });
    for (let i = 0; i < 4; i++) {
      await mined(await stranger.sendTransaction({ to: r.provider.address as `0x${string}`, value: parseEther("0.01") + BigInt(i) }));
    }
    // EscrowOpened and RentalOpened of the vanished payment.
    expect((await db.chainEvent.findMany({ where: { orderId: o.id } })).length).toBe(2);

    const ix = indexer();
    const first = await ix.tick();
    expect(first.kind).toBe("reorg");
    expect(await statusOf(o.id)).toBe("PENDING_PAYMENT");
    expect(await db.chainEvent.count({ where: { txHash: paid.transactionHash.toLowerCase() } })).toBe(0);
    const cursorAfter = await db.indexerCursor.findFirstOrThrow({ where: { contract: o.escrowAddress } });
    expect(cursorAfter.lastBlock).toBeLessThan(paid.blockNumber);
    expect(cursorAfter.lastBlock).toBeLessThan(cursorBefore.lastBlock);
    await ix.catchUp();
    expect(await statusOf(o.id)).toBe("PENDING_PAYMENT");

    // The buyer pays again on the surviving chain: funded once, with the opening of this branch.
    const repaid = await pay(r.buyerWallet, o);
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("FUNDED");
    const events = await db.chainEvent.findMany({ where: { orderId: o.id }, orderBy: { logIndex: "asc" } });
    const tx = repaid.transactionHash.toLowerCase();
    expect(events.map((e) => [e.eventName, e.txHash, e.applied])).toEqual([
      ["EscrowOpened", tx, true],
      ["RentalOpened", tx, true],
    ]);
  });
});
