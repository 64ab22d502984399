import "server-only";
/**
 * Disputes for the arbiter: each DISPUTED order with its timeline, both parties' statements and the
 * escrow's record as the chain holds it now. Resolving is two steps: the admin records the intended
 * split here (an audit row, in its own transaction) and gets the `resolveDispute` call to send from
 * their wallet; the order becomes RESOLVED only when the indexer reads DisputeResolved, whose
 * arguments (providerBps, amounts, fee) the ChainEvent row keeps.
 */
import { encodeFunctionData, type Address, type Hex } from "viem";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import type { Caller } from "@/lib/auth/server/caller";
import { auditJson, writeAudit } from "@/lib/admin/server/audit";
import { publicClient } from "@/lib/chain/server/client";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { listDisputeStatements } from "@/lib/orders/server/statements";
import { orderIdPattern } from "@/lib/orders/schema";
import { baseUnitsOf } from "@/lib/core/money";

/** The escrow contract's Status enum, in declaration order. */
const escrowStatuses = ["None", "Funded", "Started", "Completed", "Disputed", "Released", "Refunded", "Resolved"] as const;

export function countOpenDisputes(): Promise<number> {
  return db.order.count({ where: { status: "DISPUTED" } });
}

/** What the escrow says about one escrow id, or null (with the reason shown) when the RPC cannot be read. */
export async function onChainEscrow(escrowAddress: string, escrowId: string) {
  try {
    const e = await publicClient.readContract({
      address: escrowAddress as Address,
      abi: idlegridEscrowAbi,
      functionName: "getEscrow",
      args: [escrowId as Hex],
    });
    return {
      status: escrowStatuses[e.status] ?? `#${e.status}`,
      amount: e.amount,
      feeBps: e.feeBps,
      buyer: e.buyer,
      provider: e.provider,
      completedAt: e.completedAt === 0n ? null : new Date(Number(e.completedAt) * 1000),
    };
  } catch (error) {
    console.error("reading escrow", escrowId, error);
    return null;
  }
}

export interface TimelineEntry {
  at: Date | null;
  /** English, for the API; the page words it from `event` (absent for the order's creation). */
  label: string;
  event?: { name: string; block: string };
  txHash?: string;
}

/** Open disputes, oldest first, each with what the arbiter needs on one screen. */
export async function listDisputes() {
  const orders = await db.order.findMany({
    where: { status: "DISPUTED" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      amount: true,
      hours: true,
      gpuCount: true,
      chainId: true,
      escrowAddress: true,
      escrowId: true,
      buyerAddress: true,
      providerAddress: true,
      createdAt: true,
      fundedAt: true,
      listing: { select: { gpuModel: true } },
      chainEvents: {
        where: { applied: true },
        orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
        select: { eventName: true, txHash: true, blockNumber: true, blockTime: true },
      },
    },
  });
  // One query at a time: the e2e stack's PGlite serves a single session, and interleaved prepared
  // statements from parallel queries fail there ("bind message supplies 2 parameters").
  const disputes = [];
  for (const o of orders) {
    const timeline: TimelineEntry[] = [
      { at: o.createdAt, label: "Order created" },
      ...o.chainEvents.map((e) => ({
        at: e.blockTime,
        label: `${e.eventName} (block ${e.blockNumber})`,
        event: { name: e.eventName, block: String(e.blockNumber) },
        txHash: e.txHash,
      })),
    ];
    const statements = await listDisputeStatements(o.id);
    const chain = await onChainEscrow(o.escrowAddress, o.escrowId);
    disputes.push({ ...o, amount: baseUnitsOf(o.amount), timeline, statements, chain });
  }
  return disputes;
}
export type Dispute = Awaited<ReturnType<typeof listDisputes>>[number];

/**
 * Records the split the admin is about to send and returns the escrow call for their wallet. The audit row
 * is written with the order re-read in the same transaction, so a dispute that is no longer open records nothing.
 */
export async function recordDisputeResolution(admin: Caller, orderId: string, providerBps: number) {
  if (!orderIdPattern.test(orderId)) throw new ApiError(404, "not_found", "No order with this id.");
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { id: true, status: true, escrowAddress: true, escrowId: true, amount: true },
    });
    if (!order) throw new ApiError(404, "not_found", "No order with this id.");
    if (order.status !== "DISPUTED") throw new ApiError(409, "not_disputed", `The order is ${order.status}, not disputed.`);
    await writeAudit(tx, {
      admin,
      action: "order.resolve_dispute",
      targetType: "ORDER",
      targetId: order.id,
      before: auditJson({ status: order.status, amount: order.amount }),
      after: auditJson({ intendedProviderBps: providerBps, escrowId: order.escrowId }),
    });
    const data = encodeFunctionData({ abi: idlegridEscrowAbi, functionName: "resolveDispute", args: [order.escrowId as Hex, providerBps] });
    return { transaction: { to: order.escrowAddress as Address, data } };
  });
}
