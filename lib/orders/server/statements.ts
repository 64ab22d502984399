import "server-only";
/**
 * Statements in a dispute. Only the order's buyer and provider write them, and only while the order
 * is DISPUTED; admins read them (lib/admin/server/disputes.ts) but speak through the resolution.
 */
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { orderIdPattern } from "@/lib/orders/schema";

export async function postDisputeStatement(caller: Caller, orderId: string, body: string) {
  const order = orderIdPattern.test(orderId)
    ? await db.order.findUnique({ where: { id: orderId }, select: { id: true, buyerId: true, providerId: true, status: true } })
    : null;
  const side = order?.buyerId === caller.userId ? "buyer" : order?.providerId === caller.userId ? "provider" : null;
  // Admins may see the order but are not a party: 403. Strangers learn nothing: 404, as for reading it.
  if (!order || (!side && !caller.isAdmin)) throw new ApiError(404, "not_found", "No order with this id.");
  if (!side) throw new ApiError(403, "forbidden", "Only the buyer and the provider of this order can post a statement.");
  if (order.status !== "DISPUTED") throw new ApiError(409, "not_disputed", "Statements can be posted only while the order is disputed.");
  return db.disputeStatement.create({
    data: { orderId: order.id, authorId: caller.userId, side, body },
    select: { id: true, side: true, body: true, createdAt: true },
  });
}

export function listDisputeStatements(orderId: string) {
  return db.disputeStatement.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, side: true, body: true, createdAt: true, author: { select: { address: true } } },
  });
}
