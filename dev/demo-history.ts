import "server-only";
/**
 * A month of marketplace history for `npm run dev`: metered rentals between the demo buyer and the
 * demo providers, opened (openRental), started and settled through the real escrow on the local chain
 * at past block times. Most run their prepaid time and the provider claims the last unit; one is
 * stopped by the buyer after a third of its time (two thirds back), one is extended while running,
 * one is claimed halfway and at its end, and the latest still runs. On a fresh start the dashboards'
 * earnings and spend charts, the receipts and the order list then have something to show, and every
 * figure still comes from the chain through the indexer, as in production.
 *
 * Block times cannot go back, so this needs a chain whose clock is behind the wall clock: dev starts
 * a fresh anvil with its genesis 30 days back (scripts/dev.ts). The history walks that clock forward
 * rental by rental and always leaves it at the present, so the app never runs on a clock in the past.
 */
import { createTestClient, createWalletClient, http, publicActions, type Address, type Hex } from "viem";
import { foundry } from "viem/chains";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { createOrder } from "@/lib/orders/server/create";
import { escrowCall, extendTransactions, paymentTransactions, type TxRequest } from "@/lib/orders/server/transactions";
import { paidSeconds } from "@/lib/orders/metering";
import { baseUnitsOf, rentalCost } from "@/lib/core/money";

const HOUR = 3600;

export interface HistoryListing {
  id: string;
  providerAddress: string;
  minHours: number;
  maxHours: number;
}

/** [listing index, hours] for each rental, oldest first; the last one is still running. */
const plan: [number, number][] = [
  [0, 6],
  [3, 2],
  [7, 12],
  [1, 4],
  [10, 24],
  [5, 8],
  [2, 3],
  [12, 6],
  [8, 48],
  [4, 10],
  [14, 5],
  [6, 16],
  [9, 2],
  [11, 72],
];
/** Which rentals of the plan end otherwise than by running their time out. */
const EXTENDED = 1;
const STOPPED_EARLY = 2;
const CLAIMED_HALFWAY = 4;

export interface HistoryResult {
  /** Rentals written; 0 when the chain's clock left no room for history or it was written before. */
  rentals: number;
}

/**
 * Writes the history for `buyer` renting `listings` (the buyer and the listings' providers must be
 * unlocked accounts of the anvil at `rpcUrl`), then moves the chain's clock to `now`.
 */
export async function writeDemoHistory(opts: {
  rpcUrl: string;
  buyer: { id: string; address: string } | null;
  listings: readonly HistoryListing[];
  now?: Date;
}): Promise<HistoryResult> {
  const chain = createTestClient({ chain: foundry, mode: "anvil", transport: http(opts.rpcUrl) }).extend(publicActions);
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const start = Number((await chain.getBlock()).timestamp);
  let clock = start;
  /** Sends `tx` from `from` in a block stamped `at` (or the next second, if the chain is already there); returns the block's time. */
  const send = async (from: string, tx: TxRequest, at: number) => {
    clock = Math.max(at, clock + 1);
    await chain.setNextBlockTimestamp({ timestamp: BigInt(clock) });
    const wallet = createWalletClient({ chain: foundry, transport: http(opts.rpcUrl), account: from as Address });
    // A fixed gas limit: the node estimates at its current time, not at the pinned one, and a claim that
    // takes the last unit (settling the rental) needs more gas than the same claim earlier did.
    const hash = await wallet.sendTransaction({ to: tx.to, data: tx.data as Hex, gas: 1_000_000n });
    const receipt = await chain.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`demo history: "${tx.description}" reverted`);
    return clock;
  };

  let rentals = 0;
  const span = nowSeconds - start - 24 * HOUR;
  const written = opts.buyer ? await db.order.count({ where: { buyerId: opts.buyer.id } }) : 0;
  if (opts.buyer && span > 7 * 24 * HOUR && written === 0 && opts.listings.length > 0) {
    const buyer: Caller = {
      userId: opts.buyer.id,
      address: opts.buyer.address as Address,
      roles: [],
      isAdmin: false,
      sessionId: "demo-history",
    };
    for (const [i, [pick, wantedHours]] of plan.entries()) {
      const listing = opts.listings[pick % opts.listings.length] as HistoryListing;
      const hours = Math.min(Math.max(wantedHours, listing.minHours), listing.maxHours);
      const at = start + Math.round(((i + 0.5) / plan.length) * span);
      // Placed a few minutes before it was paid, as a buyer would have, at the chain's time: its hold,
      // capacity check and start deadline are then those of that moment, not of today.
      const id = await createOrder(buyer, { listingId: listing.id, hours }, { now: new Date((at - 5 * 60) * 1000) });
      const order = await db.order.findUniqueOrThrow({ where: { id } });
      const rate = baseUnitsOf(order.ratePerSecond ?? 0);
      let amount = baseUnitsOf(order.amount);
      const [approve, open] = paymentTransactions({ ...order, amount, ratePerSecond: rate });
      await send(order.buyerAddress, approve as TxRequest, at);
      await send(order.buyerAddress, open as TxRequest, at + 60);
      const startedAt = await send(order.providerAddress, escrowCall(order, "markStarted"), at + 15 * 60);
      const endsAt = () => startedAt + Number(paidSeconds(amount, rate));
      if (i === EXTENDED) {
        // Halfway through, the buyer buys more time at the same rate (within the listing's maximum).
        const more = Math.max(1, Math.min(hours, listing.maxHours - hours));
        const added = rentalCost(baseUnitsOf(order.pricePerGpuHour), order.gpuCount, more);
        for (const tx of extendTransactions(order, added)) await send(order.buyerAddress, tx, startedAt + (hours * HOUR) / 2);
        amount += added;
      }
      if (i === STOPPED_EARLY) {
        await send(order.buyerAddress, escrowCall(order, "stop"), startedAt + Math.round((hours * HOUR) / 3));
      } else if (i < plan.length - 1) {
        if (i === CLAIMED_HALFWAY) await send(order.providerAddress, escrowCall(order, "claim"), startedAt + (hours * HOUR) / 2);
        // Claiming at the end takes the last unit, which settles the rental by its meter.
        await send(order.providerAddress, escrowCall(order, "claim"), endsAt() + 10 * 60);
      }
      rentals++;
    }
  }
  if (clock < nowSeconds) {
    await chain.setNextBlockTimestamp({ timestamp: BigInt(nowSeconds) });
    await chain.mine({ blocks: 1 });
  }
  return { rentals };
}

/** The seeded demo buyer and the live listings of the demo providers, as `npm run dev` seeds them. */
export async function demoParticipants(buyerAddress: string, providerAddresses: readonly string[]) {
  const buyer = await db.user.findUnique({ where: { address: buyerAddress }, select: { id: true, address: true } });
  const listings = await db.machine.findMany({
    where: { status: "LIVE", provider: { address: { in: [...providerAddresses] } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, minHours: true, maxHours: true, provider: { select: { address: true } } },
  });
  return {
    buyer,
    listings: listings.map((l) => ({ id: l.id, minHours: l.minHours, maxHours: l.maxHours, providerAddress: l.provider.address })),
  };
}
