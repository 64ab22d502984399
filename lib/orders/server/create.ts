import "server-only";
/** Creating an order: the server alone computes the amount, from the listing as it is now. */
import { randomUUID } from "node:crypto";
import { getAddress, type Address } from "viem";
import { env } from "@/env";
import { computeEscrowId, orderIdToBytes32 } from "@/lib/chain/escrow";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rentalCost, baseUnitsOf } from "@/lib/core/money";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import type { CreateOrderInput } from "@/lib/orders/schema";
import { gpuChoiceError } from "@/lib/orders/capacity";
import { ratePerSecondFor } from "@/lib/orders/metering";
import { paymentHoldEnds, refreshReservedGpus, reserveGpus } from "@/lib/orders/server/capacity";

/**
 * How long the provider has to start after the order is made, before the buyer may take a refund.
 * The escrow accepts a deadline between MIN_START_WINDOW (10 minutes) and MAX_START_WINDOW (60 days)
 * after the block that opens it: 48 hours leaves room for a payment made any time within the hold.
 */
export const START_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * A rental: metered by the second (openRental). `now` places the order at another moment than the
 * wall clock, for the dev demo history whose chain runs in the past; production never passes it.
 */
export async function createOrder(caller: Caller, input: CreateOrderInput, opts: { now?: Date } = {}): Promise<string> {
  if (!env.ESCROW_ADDRESS) throw new ApiError(409, "payments_unavailable", "No escrow contract is configured (ESCROW_ADDRESS).");
  const listing = await db.machine.findUnique({
    where: { id: input.listingId },
    select: {
      id: true,
      status: true,
      providerId: true,
      pricePerGpuHour: true,
      gpuCount: true,
      splittable: true,
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

  const gpus = input.gpus ?? listing.gpuCount;
  const gpuError = gpuChoiceError(gpus, listing.gpuCount, listing.splittable);
  if (gpuError) throw new ApiError(400, "invalid_parameter", "Invalid parameters: gpus", { gpus: [gpuError] });
  const price = baseUnitsOf(listing.pricePerGpuHour);
  if (ratePerSecondFor(price, gpus) === 0n) {
    // The escrow meters whole base units per second and refuses a zero rate.
    throw new ApiError(
      409,
      "price_below_meter",
      "This rental costs less than one token base unit per second, which the escrow cannot meter.",
      {
        gpus: ["the price for this many GPUs is below one base unit per second"],
      },
    );
  }

  return db.$transaction((tx) =>
    insertOrder(tx, {
      listingId: listing.id,
      buyer: caller,
      providerId: listing.providerId,
      providerAddress: listing.provider.address,
      hours: input.hours,
      gpuCount: gpus,
      pricePerGpuHour: price,
      sshPublicKey: input.sshPublicKey ?? null,
      metered: true,
      now: opts.now,
    }),
  );
}

export interface NewOrderTerms {
  listingId: string;
  buyer: Pick<Caller, "userId" | "address">;
  providerId: string;
  providerAddress: string;
  hours: number;
  gpuCount: number;
  /** Base units per GPU-hour; the amount is always computed here from it. */
  pricePerGpuHour: bigint;
  sshPublicKey?: string | null;
  /** A rental metered by the second; left out for a training job, which stays fixed-price. */
  metered?: boolean;
  /** When the order is made (default: now); see createOrder. */
  now?: Date;
}

/**
 * Writes an order with its escrow identity and amount: the one place both are computed, used for
 * rentals and for training jobs' accepted offers (lib/jobs/server/offers.ts, inside its transaction).
 * `tx` must be a transaction: the order reserves its GPUs under the machine's row lock, and the
 * reservation and the order commit together or not at all.
 */
export async function insertOrder(tx: Prisma.TransactionClient, terms: NewOrderTerms): Promise<string> {
  if (!env.ESCROW_ADDRESS) throw new ApiError(409, "payments_unavailable", "No escrow contract is configured (ESCROW_ADDRESS).");
  const now = terms.now ?? new Date();
  await reserveGpus(tx, terms.listingId, terms.gpuCount, now);
  const id = randomUUID();
  const escrow = getAddress(env.ESCROW_ADDRESS);
  const buyer = getAddress(terms.buyer.address);
  const orderIdHex = orderIdToBytes32(id);
  await tx.order.create({
    data: {
      id,
      listingId: terms.listingId,
      buyerId: terms.buyer.userId,
      providerId: terms.providerId,
      buyerAddress: buyer,
      providerAddress: getAddress(terms.providerAddress),
      hours: terms.hours,
      gpuCount: terms.gpuCount,
      pricePerGpuHour: terms.pricePerGpuHour.toString(),
      amount: rentalCost(terms.pricePerGpuHour, terms.gpuCount, terms.hours).toString(),
      ratePerSecond: terms.metered ? ratePerSecondFor(terms.pricePerGpuHour, terms.gpuCount).toString() : null,
      chainId: env.CHAIN_ID,
      tokenAddress: getAddress(env.TOKEN_ADDRESS),
      escrowAddress: escrow,
      orderIdHex,
      escrowId: computeEscrowId(env.CHAIN_ID, escrow, buyer as Address, orderIdHex),
      startDeadline: new Date(now.getTime() + START_WINDOW_MS),
      holdExpiresAt: paymentHoldEnds(now),
      sshPublicKey: terms.sshPublicKey ?? null,
      ...(terms.now ? { createdAt: terms.now } : {}),
    },
  });
  await refreshReservedGpus(tx, terms.listingId, now);
  return id;
}
