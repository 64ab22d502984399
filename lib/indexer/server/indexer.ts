import "server-only";
/**
 * The escrow indexer's one step. Each `tick` reads the next range of confirmed blocks and, in ONE
 * database transaction, stores its events (unique per chain, tx hash and log index), refolds the
 * orders they touch and advances the cursor. A crash anywhere leaves either the whole range applied
 * or none of it, and re-reading a range inserts nothing new. The cursor row is locked and compared
 * inside the transaction, so even two indexers that both got past the advisory lock (lock.ts)
 * could never apply the same range twice: the second one's compare fails and it rolls back.
 *
 * Reorgs: before reading on, the hash of the cursor's block is compared with the chain's. If they
 * differ, the newest stored block hash (IndexedBlock) that still matches is the fork point; events
 * above it are deleted, their orders refolded (FUNDED goes back to PENDING_PAYMENT) and the cursor
 * set back, all in one transaction. The next ticks re-read the new branch.
 */
import { getAddress, type Address, type Hex, type PublicClient } from "viem";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { readEscrowLogs, type EscrowLog } from "@/lib/indexer/server/escrow-logs";
import { syncJobWithOrder } from "@/lib/jobs/server/settlement";
import { openedMismatch, refoldOrder } from "@/lib/orders/server/state";
import { baseUnitsOf } from "@/lib/core/money";

/**
 * An order follows its events, and a job follows its order. Orders sit below jobs in the domain
 * order (jobs create orders), so the indexer, which sits above both, joins the two steps.
 */
async function refold(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  const folded = await refoldOrder(tx, orderId);
  if (folded) await syncJobWithOrder(tx, orderId, folded.status, folded.events);
}

export const ZERO_HASH = `0x${"0".repeat(64)}` as Hex;
/** Block hashes kept for finding a fork point; far deeper than any reorg on the supported chains. */
const KEPT_BLOCKS = 512n;

/** Where a test may make the indexer fail, as a kill would at that instant. */
export type CrashPoint = "after-read" | "in-transaction" | "after-commit";

export interface IndexerOptions {
  db: PrismaClient;
  client: PublicClient;
  chainId: number;
  escrow: Address;
  confirmations: number;
  startBlock: bigint;
  /** Blocks per getLogs call; public RPCs limit ranges. */
  batchBlocks?: bigint;
  crash?: (point: CrashPoint) => void;
}

export type TickResult =
  | { kind: "applied"; from: bigint; to: bigint; events: number; head: bigint }
  | { kind: "reorg"; forkBlock: bigint; removedEvents: number }
  | { kind: "idle"; head: bigint };

/** Another writer moved the cursor: this tick's reads are stale and must not be applied. */
export class CursorMoved extends Error {
  constructor() {
    super("the indexer cursor moved during this tick (another indexer?)");
  }
}

export function createIndexer(opts: IndexerOptions) {
  const escrow = getAddress(opts.escrow);
  const key = { chainId: opts.chainId, contract: escrow };
  const batch = opts.batchBlocks ?? 2_000n;
  const crash = opts.crash ?? (() => {});

  async function ensureCursor() {
    await opts.db.indexerCursor.createMany({
      data: [{ ...key, lastBlock: opts.startBlock - 1n, lastBlockHash: ZERO_HASH }],
      skipDuplicates: true,
    });
    return opts.db.indexerCursor.findUniqueOrThrow({ where: { chainId_contract: key } });
  }

  /** Locks the cursor row for this transaction and checks nobody moved it since we read it. */
  async function lockCursor(tx: Prisma.TransactionClient, expected: bigint) {
    const rows = await tx.$queryRaw<{ lastBlock: bigint }[]>`
      SELECT "lastBlock" FROM "IndexerCursor" WHERE "chainId" = ${key.chainId} AND "contract" = ${key.contract} FOR UPDATE`;
    if (rows.length !== 1 || BigInt(rows[0]?.lastBlock ?? -2n) !== expected) throw new CursorMoved();
  }

  async function chainHash(number: bigint): Promise<Hex | null> {
    try {
      return (await opts.client.getBlock({ blockNumber: number })).hash;
    } catch (error) {
      // After a reorg to a shorter chain the block does not exist at all; anything else is an RPC failure.
      if (error instanceof Error && error.name === "BlockNotFoundError") return null;
      throw error;
    }
  }

  /**
   * Whether every log's block is still the chain's block at that height (one getBlock per block with logs).
   * A reorg after this check changes the hash of `to` too (each block names its parent), which the next
   * tick compares with the cursor and rewinds.
   */
  async function logsOnCanonicalChain(logs: readonly EscrowLog[], to: bigint, toHash: Hex): Promise<boolean> {
    const canonical = new Map<bigint, string | null>([[to, toHash.toLowerCase()]]);
    for (const number of new Set(logs.map((l) => l.blockNumber))) {
      if (!canonical.has(number)) canonical.set(number, (await chainHash(number))?.toLowerCase() ?? null);
    }
    return logs.every((l) => canonical.get(l.blockNumber) === l.blockHash.toLowerCase());
  }

  async function rewind(lastBlock: bigint): Promise<TickResult> {
    const stored = await opts.db.indexedBlock.findMany({
      where: { ...key, number: { lte: lastBlock } },
      orderBy: { number: "desc" },
      select: { number: true, hash: true },
    });
    let fork = opts.startBlock - 1n;
    let forkHash: string = ZERO_HASH;
    for (const block of stored) {
      if ((await chainHash(block.number)) === block.hash) {
        fork = block.number;
        forkHash = block.hash;
        break;
      }
    }
    const removed = await opts.db.$transaction(
      async (tx) => {
        await lockCursor(tx, lastBlock);
        const gone = await tx.chainEvent.findMany({ where: { ...key, blockNumber: { gt: fork } }, select: { orderId: true } });
        await tx.chainEvent.deleteMany({ where: { ...key, blockNumber: { gt: fork } } });
        await tx.indexedBlock.deleteMany({ where: { ...key, number: { gt: fork } } });
        for (const orderId of new Set(gone.map((e) => e.orderId).filter((id): id is string => id !== null))) await refold(tx, orderId);
        await tx.indexerCursor.update({ where: { chainId_contract: key }, data: { lastBlock: fork, lastBlockHash: forkHash } });
        return gone.length;
      },
      { timeout: 30_000 },
    );
    return { kind: "reorg", forkBlock: fork, removedEvents: removed };
  }

  /** The escrow's token, read once: it is immutable, and an order names the token it is paid in. */
  let escrowToken: Promise<Address> | null = null;
  const tokenOfEscrow = () =>
    (escrowToken ??= opts.client
      .readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "token" })
      .catch((error: unknown) => {
        // An RPC failure is not an answer: ask again next tick (this one fails and rolls back).
        escrowToken = null;
        throw error;
      }));

  async function store(tx: Prisma.TransactionClient, logs: EscrowLog[], token: Address | null): Promise<Set<string>> {
    const touched = new Set<string>();
    const orders = await tx.order.findMany({
      where: { escrowId: { in: [...new Set(logs.map((l) => l.escrowId.toLowerCase()))] } },
      select: {
        id: true,
        escrowId: true,
        chainId: true,
        escrowAddress: true,
        orderIdHex: true,
        buyerAddress: true,
        providerAddress: true,
        amount: true,
        extendedAmount: true,
        ratePerSecond: true,
        startDeadline: true,
        tokenAddress: true,
      },
    });
    const byEscrowId = new Map(orders.map((o) => [o.escrowId.toLowerCase(), o]));
    // A rental's EscrowOpened is followed by its RentalOpened in the same transaction: that carries the rate.
    const rentalOpened = new Map(
      logs.filter((l) => l.eventName === "RentalOpened").map((l) => [`${l.txHash}:${l.escrowId}`.toLowerCase(), l]),
    );
    const openedVerdict = new Map<string, string | null>();
    const rows: Prisma.ChainEventCreateManyInput[] = logs.map((log) => {
      const order = byEscrowId.get(log.escrowId.toLowerCase());
      let ignoredReason: string | null = order ? null : "no order has this escrow id";
      const pairKey = `${log.txHash}:${log.escrowId}`.toLowerCase();
      if (order && log.eventName === "EscrowOpened") {
        const rate = rentalOpened.get(pairKey)?.args.ratePerSecond;
        ignoredReason = openedMismatch(
          {
            ...order,
            amount: baseUnitsOf(order.amount) - baseUnitsOf(order.extendedAmount),
            ratePerSecond: order.ratePerSecond === null ? null : baseUnitsOf(order.ratePerSecond),
          },
          {
            chainId: opts.chainId,
            contract: log.contract,
            orderId: String(log.args.orderId),
            buyer: String(log.args.buyer),
            provider: String(log.args.provider),
            amount: BigInt(String(log.args.amount)),
            ratePerSecond: rate === undefined ? null : BigInt(String(rate)),
            startDeadline: BigInt(String(log.args.startDeadline)),
            token: token ?? "",
          },
        );
        openedVerdict.set(pairKey, ignoredReason);
      } else if (order && log.eventName === "RentalOpened") {
        // Credited exactly when its EscrowOpened is: the two are one opening.
        const verdict = openedVerdict.get(pairKey);
        ignoredReason = verdict === undefined ? "no EscrowOpened in its transaction" : verdict;
      }
      if (order) touched.add(order.id);
      return {
        ...key,
        txHash: log.txHash.toLowerCase(),
        logIndex: log.logIndex,
        blockNumber: log.blockNumber,
        blockHash: log.blockHash.toLowerCase(),
        blockTime: log.blockTime,
        eventName: log.eventName,
        escrowId: log.escrowId.toLowerCase(),
        orderId: order?.id ?? null,
        args: log.args,
        applied: ignoredReason === null,
        ignoredReason,
      };
    });
    await tx.chainEvent.createMany({ data: rows, skipDuplicates: true });
    return touched;
  }

  /** One step: rewind after a reorg, apply the next confirmed range, or report being caught up. */
  async function tick(): Promise<TickResult> {
    const cursor = await ensureCursor();
    if (cursor.lastBlock >= opts.startBlock && (await chainHash(cursor.lastBlock)) !== cursor.lastBlockHash) {
      return rewind(cursor.lastBlock);
    }
    // No cached head: viem reuses a block number for up to its polling interval otherwise.
    const head = await opts.client.getBlockNumber({ cacheTime: 0 });
    const safe = head - BigInt(opts.confirmations - 1);
    const from = cursor.lastBlock + 1n;
    if (from > safe) return { kind: "idle", head };
    const to = from + batch - 1n < safe ? from + batch - 1n : safe;
    const logs = await readEscrowLogs(opts.client, escrow, from, to);
    const toHash = await chainHash(to);
    // A reorg while reading: a log may be from a branch that is already gone, at any height of the range, not
    // only at its end. Every log's block hash is compared with the chain's before anything is committed.
    if (!toHash || !(await logsOnCanonicalChain(logs, to, toHash))) return { kind: "idle", head };
    // Read before the database transaction, so no RPC call holds it open.
    const token = logs.some((l) => l.eventName === "EscrowOpened") ? await tokenOfEscrow() : null;
    crash("after-read");

    const blocks = new Map<bigint, string>([[to, toHash.toLowerCase()]]);
    for (const log of logs) blocks.set(log.blockNumber, log.blockHash.toLowerCase());
    await opts.db.$transaction(
      async (tx) => {
        await lockCursor(tx, cursor.lastBlock);
        const touched = await store(tx, logs, token);
        crash("in-transaction");
        for (const orderId of touched) await refold(tx, orderId);
        await tx.indexedBlock.createMany({ data: [...blocks].map(([number, hash]) => ({ ...key, number, hash })), skipDuplicates: true });
        await tx.indexedBlock.deleteMany({ where: { ...key, number: { lt: to - KEPT_BLOCKS } } });
        await tx.indexerCursor.update({ where: { chainId_contract: key }, data: { lastBlock: to, lastBlockHash: toHash.toLowerCase() } });
      },
      { timeout: 30_000 },
    );
    crash("after-commit");
    return { kind: "applied", from, to, events: logs.length, head };
  }

  /** Ticks until caught up with the confirmed head (tests and the one-shot script use it). */
  async function catchUp(maxTicks = 10_000): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      if ((await tick()).kind === "idle") return;
    }
    throw new Error("indexer did not catch up");
  }

  return { tick, catchUp, key };
}

export type Indexer = ReturnType<typeof createIndexer>;
