import "server-only";
/**
 * A month of marketplace history for `npm run dev`: rentals between the demo buyer and the demo
 * providers, paid, started, completed and released through the real escrow on the local chain at
 * past block times. On a fresh start the dashboards' earnings and spend charts, the receipts and the
 * order list then have something to show, and every figure still comes from the chain through the
 * indexer, as in production.
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
import { escrowCall, paymentTransactions, type TxRequest } from "@/lib/orders/server/transactions";
import { baseUnitsOf } from "@/lib/core/money";

const HOUR = 3600;

export interface HistoryListing {
  id: string;
  providerAddress: string;
  minHours: number;
  maxHours: number;
}

/** [listing index, hours] for each rental, oldest first; the last one is still running. */
const plan: [number, number][] = [
  [0, 6], [3, 2], [7, 12], [1, 4], [10, 24], [5, 8], [2, 3], [12, 6], [8, 48], [4, 10], [14, 5], [6, 16], [9, 2], [11, 72],
];

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
  /** Sends `tx` from `from` in a block stamped `at` (or the next second, if the chain is already there). */
  const send = async (from: string, tx: TxRequest, at: number) => {
    clock = Math.max(at, clock + 1);
    await chain.setNextBlockTimestamp({ timestamp: BigInt(clock) });
    const wallet = createWalletClient({ chain: foundry, transport: http(opts.rpcUrl), account: from as Address });
    const hash = await wallet.sendTransaction({ to: tx.to, data: tx.data as Hex });
    const receipt = await chain.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`demo history: "${tx.description}" reverted`);
  };

  let rentals = 0;
  const span = nowSeconds - start - 24 * HOUR;
  const written = opts.buyer ? await db.order.count({ where: { buyerId: opts.buyer.id } }) : 0;
  if (opts.buyer && span > 7 * 24 * HOUR && written === 0 && opts.listings.length > 0) {
    const buyer: Caller = { userId: opts.buyer.id, address: opts.buyer.address as Address, roles: [], isAdmin: false, sessionId: "demo-history" };
    for (const [i, [pick, wantedHours]] of plan.entries()) {
      const listing = opts.listings[pick % opts.listings.length] as HistoryListing;
      const hours = Math.min(Math.max(wantedHours, listing.minHours), listing.maxHours);
      const at = start + Math.round(((i + 0.5) / plan.length) * span);
      const id = await createOrder(buyer, { listingId: listing.id, hours });
      // Placed a few minutes before it was paid, as a buyer would have, not today.
      const order = await db.order.update({ where: { id }, data: { createdAt: new Date((at - 5 * 60) * 1000) } });
      const terms = { ...order, amount: baseUnitsOf(order.amount) };
      const [approve, open] = paymentTransactions(terms);
      await send(order.buyerAddress, approve as TxRequest, at);
      await send(order.buyerAddress, open as TxRequest, at + 60);
      await send(order.providerAddress, escrowCall(order, "markStarted"), at + 15 * 60);
      if (i < plan.length - 1) {
        await send(order.providerAddress, escrowCall(order, "markCompleted"), at + 15 * 60 + hours * HOUR);
        await send(order.buyerAddress, escrowCall(order, "release"), at + 45 * 60 + hours * HOUR);
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
  return { buyer, listings: listings.map((l) => ({ id: l.id, minHours: l.minHours, maxHours: l.maxHours, providerAddress: l.provider.address })) };
}
