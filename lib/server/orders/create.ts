import "server-only";
/** Creating an order: the server alone computes the amount, from the listing as it is now. */
import { randomUUID } from "node:crypto";
import { getAddress, type Address } from "viem";
import { env } from "@/env";
import { computeEscrowId, orderIdToBytes32 } from "@/lib/chain/escrow";
import { rentalCost } from "@/lib/money";
import type { Caller } from "@/lib/server/auth/caller";
import { db } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import type { CreateOrderInput } from "@/lib/validations/order";

/** How long the provider has to start after the order is made, before the buyer may take a refund. */
export const START_WINDOW_MS = 48 * 60 * 60 * 1000;

export async function createOrder(caller: Caller, input: CreateOrderInput): Promise<string> {
  if (!env.ESCROW_ADDRESS) throw new ApiError(409, "payments_unavailable", "No escrow contract is configured (ESCROW_ADDRESS).");
  const listing = await db.machine.findUnique({
    where: { id: input.listingId },
    select: {
      id: true,
      status: true,
      providerId: true,
      pricePerGpuHour: true,
      gpuCount: true,
      minHours: true,
      maxHours: true,
      provider: { select: { address: true, banned: true } },
    },
  });
  // Hidden listings are "not found" for buyers, as on the listing page.
  if (!listing || (listing.status !== "LIVE" && listing.providerId !== caller.userId && !caller.isAdmin) || listing.provider.banned) {
    throw new ApiError(404, "not_found", "No listing with this id.");
  }
  if (listing.providerId === caller.userId) throw new ApiError(403, "own_listing", "You cannot rent your own listing.");
  if (listing.status !== "LIVE") throw new ApiError(409, "listing_not_live", "This listing is not open for rentals.");
  if (input.hours < listing.minHours || input.hours > listing.maxHours) {
    throw new ApiError(400, "invalid_parameter", "Invalid parameters: hours", {
      hours: [`must be between ${listing.minHours} and ${listing.maxHours} for this listing`],
    });
  }

  const id = randomUUID();
  const escrow = getAddress(env.ESCROW_ADDRESS);
  const buyer = getAddress(caller.address);
  const orderIdHex = orderIdToBytes32(id);
  const price = BigInt(listing.pricePerGpuHour.toFixed(0));
  await db.order.create({
    data: {
      id,
      listingId: listing.id,
      buyerId: caller.userId,
      providerId: listing.providerId,
      buyerAddress: buyer,
      providerAddress: getAddress(listing.provider.address),
      hours: input.hours,
      gpuCount: listing.gpuCount,
      pricePerGpuHour: price.toString(),
      amount: rentalCost(price, listing.gpuCount, input.hours).toString(),
      chainId: env.CHAIN_ID,
      tokenAddress: getAddress(env.TOKEN_ADDRESS),
      escrowAddress: escrow,
      orderIdHex,
      escrowId: computeEscrowId(env.CHAIN_ID, escrow, buyer as Address, orderIdHex),
      startDeadline: new Date(Date.now() + START_WINDOW_MS),
      sshPublicKey: input.sshPublicKey ?? null,
    },
  });
  return id;
}
