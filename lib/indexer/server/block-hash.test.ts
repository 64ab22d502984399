/**
 * A range is committed only if every log in it is on the chain as it is now: a log read from a branch that
 * a reorg replaced, at any height of the range (not only its last block), makes the tick wait and re-read.
 */
import type { Hex, PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { testClient } from "@/test/chain";
import { chainClient, indexer, order, pay, rental, statusOf } from "@/test/payments";

describe("indexer: block hashes of every log", () => {
  it("does not commit a range when a log below its last block comes from a vanished branch", async () => {
    const r = await rental();
    const o = await order(r);
    await indexer().catchUp();
    const paid = await pay(r.buyerWallet, o);
    await testClient.mine({ blocks: 3 });

    // The node hands out the payment's log with the hash of a block that is no longer the chain's at that
    // height, as getLogs can while a reorg is under way; getBlock already answers from the new branch.
    const staleHash = `0x${"ab".repeat(32)}` as Hex;
    const staleClient = {
      ...chainClient,
      getLogs: async (args: Parameters<PublicClient["getLogs"]>[0]) =>
        (await chainClient.getLogs(args)).map((log) => (log.blockNumber === paid.blockNumber ? { ...log, blockHash: staleHash } : log)),
    } as PublicClient;
    const stale = indexer({ client: staleClient });
    const result = await stale.tick();
    expect(result.kind).toBe("idle");
    expect(await db.chainEvent.count({ where: { txHash: paid.transactionHash.toLowerCase() } })).toBe(0);
    expect(await statusOf(o.id)).toBe("PENDING_PAYMENT");
    const cursor = await db.indexerCursor.findFirstOrThrow({ where: { contract: o.escrowAddress } });
    expect(cursor.lastBlock).toBeLessThan(paid.blockNumber);

    // Read again from the chain as it is: applied once.
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("FUNDED");
    expect(await db.chainEvent.count({ where: { txHash: paid.transactionHash.toLowerCase(), eventName: "EscrowOpened" } })).toBe(1);
  });
});
