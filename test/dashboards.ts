/**
 * Orders in a chosen state for the dashboard tests, made through the real createOrder path and then
 * moved to where the indexer would have put them, with the escrow events it would have stored
 * (fake but well-formed hashes: no test here reads them back from the chain).
 */
import { randomBytes } from "node:crypto";
import type { OrderStatus, User } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { createOrder } from "@/lib/orders/server/create";
import { callerFor } from "@/test/payments";
import { baseUnitsOf } from "@/lib/core/money";

export const hex32 = () => `0x${randomBytes(32).toString("hex")}`;

export async function chainEvent(
  order: { id: string; chainId: number; escrowAddress: string; escrowId: string },
  eventName: string,
  args: Record<string, string>,
  blockTime = new Date(),
) {
  const txHash = hex32();
  await db.chainEvent.create({
    data: {
      chainId: order.chainId,
      contract: order.escrowAddress,
      txHash,
      logIndex: 0,
      blockNumber: 1n,
      blockHash: hex32(),
      blockTime,
      eventName,
      escrowId: order.escrowId,
      orderId: order.id,
      args,
      applied: true,
    },
  });
  return txHash;
}

/**
 * An order of `hours` on `listingId` by `buyer`, set to `status` with the given times. PAID orders
 * get an EscrowReleased with a 1 % fee; RESOLVED ones a DisputeResolved giving the provider
 * `providerBps` of the amount (fee 1 % of that share), the rest back to the buyer; ENDED ones a
 * RentalEnded paying the provider `providerBps` of it the same way (a rental stopped early). Events are
 * dated when the order was funded and settled, and the order carries the split the indexer would fold.
 */
export async function orderIn(
  buyer: Pick<User, "id" | "address">,
  listingId: string,
  status: OrderStatus,
  times: { fundedAt?: string; settledAt?: string } = {},
  hours = 1,
  providerBps = 6000n,
) {
  const id = await createOrder(callerFor(buyer), { listingId, hours });
  const fundedAt = times.fundedAt ? new Date(times.fundedAt) : null;
  const order = await db.order.update({
    where: { id },
    data: {
      status,
      fundedAt,
      settledAt: times.settledAt ? new Date(times.settledAt) : null,
      // History: a rental funded in the past ran its hours then, so it holds the machine no longer and
      // the next fixture order on the same machine can be made.
      ...(status !== "PENDING_PAYMENT" ? { holdExpiresAt: null } : {}),
      ...(fundedAt ? { endsAt: new Date(fundedAt.getTime() + hours * 3_600_000) } : {}),
    },
  });
  const amount = baseUnitsOf(order.amount);
  const tx: Record<string, string> = {};
  const settledAt = times.settledAt ? new Date(times.settledAt) : undefined;
  if (fundedAt) tx.opened = await chainEvent(order, "EscrowOpened", { amount: amount.toString() }, fundedAt);
  let providerAmount = 0n;
  let buyerAmount = amount;
  let fee = 0n;
  if (status === "PAID") {
    fee = amount / 100n;
    providerAmount = amount - fee;
    buyerAmount = 0n;
    tx.released = await chainEvent(order, "EscrowReleased", { providerAmount: providerAmount.toString(), fee: fee.toString() }, settledAt);
  } else if (status === "RESOLVED" || status === "ENDED") {
    const gross = (amount * providerBps) / 10_000n;
    fee = gross / 100n;
    providerAmount = gross - fee;
    buyerAmount = amount - gross;
    const split = { buyerAmount: buyerAmount.toString(), providerAmount: providerAmount.toString(), fee: fee.toString() };
    tx.released =
      status === "RESOLVED"
        ? await chainEvent(order, "DisputeResolved", { providerBps: providerBps.toString(), ...split }, settledAt)
        : await chainEvent(
            order,
            "RentalEnded",
            { endedAt: String(Math.floor((settledAt ?? new Date()).getTime() / 1000)), ...split },
            settledAt,
          );
  } else if (status === "REFUNDED") {
    tx.refunded = await chainEvent(order, "EscrowRefunded", { amount: amount.toString() }, settledAt);
  }
  const settled = ["PAID", "RESOLVED", "ENDED", "REFUNDED"].includes(status);
  await db.order.update({
    where: { id },
    data: settled ? { providerPaid: providerAmount.toString(), feePaid: fee.toString(), buyerRefunded: buyerAmount.toString() } : {},
  });
  return { order, amount, providerAmount, buyerAmount, tx };
}
