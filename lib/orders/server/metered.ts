import "server-only";
/**
 * The metered-rental actions (stop, claim, extend) for lib/orders/server/transitions.ts: who may ask,
 * in which state, and the escrow calls to sign. The meter is read from what the indexer stored (the
 * start, claims, extensions), so a claim is offered only when something accrued by the chain's account;
 * the contract still decides (a claim of more than accrued cannot happen: it pays only what accrued).
 */
import { ApiError } from "@/lib/core/server/api-error";
import { baseUnitsOf, rentalCost } from "@/lib/core/money";
import { meterAt } from "@/lib/orders/metering";
import { extendPermitAlternative } from "@/lib/orders/server/permit";
import { escrowCall, extendTransactions, type TxRequest } from "@/lib/orders/server/transactions";
import type { LoadedOrder, OrderRole } from "@/lib/orders/server/view";

type Party = "buyer" | "provider";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

function requireRental(order: LoadedOrder): bigint {
  if (order.ratePerSecond === null) {
    throw new ApiError(
      409,
      "fixed_price_order",
      "This order pays a training job's fixed price: only rentals are metered, stopped, extended or claimed.",
    );
  }
  return baseUnitsOf(order.ratePerSecond);
}

function refuse(order: LoadedOrder, action: string): never {
  throw new ApiError(409, "invalid_transition", `This order is ${order.status}: "${action}" is not possible for you now.`);
}

/** The rental's meter now, from the indexed start, stop, extensions and claims. */
export function orderMeter(order: LoadedOrder, now = Date.now()) {
  return meterAt(
    {
      startedAt: seconds(order.startedAt),
      stoppedAt: seconds(order.stoppedAt),
      amount: baseUnitsOf(order.amount),
      ratePerSecond: order.ratePerSecond === null ? 0n : baseUnitsOf(order.ratePerSecond),
      claimed: baseUnitsOf(order.claimed),
    },
    Math.floor(now / 1000),
  );
}

/** When a monitor stop's dispute window closes (unix seconds), from its indexed event. */
function monitorWindowEnd(order: LoadedOrder): number | null {
  const stop = order.chainEvents.findLast((e) => e.applied && e.eventName === "RentalMonitorStopped");
  const deadline = stop && typeof stop.args === "object" && stop.args && !Array.isArray(stop.args) ? stop.args.disputeDeadline : undefined;
  return typeof deadline === "string" || typeof deadline === "number" ? Number(deadline) : null;
}

/** stop or claim by `party`; throws a 4xx naming why when the order's state does not allow it. */
export function meteredPlan(order: LoadedOrder, action: "stop" | "claim", party: Party, now: number): TxRequest {
  requireRental(order);
  const s = order.status;
  if (action === "claim") {
    if (party !== "provider") throw new ApiError(403, "forbidden", "Only the provider can claim what a rental accrued.");
    if (s !== "ACTIVE") refuse(order, action);
    if (orderMeter(order, now).claimable === 0n) throw new ApiError(409, "nothing_to_claim", "Nothing has accrued since the last claim.");
    return escrowCall(order, "claim");
  }
  if (s === "FUNDED" && party === "buyer") return escrowCall(order, "stop");
  if (s === "ACTIVE") return escrowCall(order, "stop");
  if (s === "COMPLETED") {
    // Ended by the monitor: the split it implies waits for the dispute window, then either party settles it.
    const closes = monitorWindowEnd(order);
    if (closes !== null && Math.floor(now / 1000) > closes) return escrowCall(order, "finalizeMonitorStop");
    throw new ApiError(
      409,
      "dispute_window_open",
      "The monitor's stop can be disputed until its window closes; it can be settled after that.",
    );
  }
  return refuse(order, action);
}

/** Throws why `role` may not extend the order now; returns the rate when it may. */
function checkExtend(order: LoadedOrder, role: OrderRole, now: number): bigint {
  if (role !== "buyer") throw new ApiError(403, "forbidden", "Only the buyer can extend a rental.");
  const rate = requireRental(order);
  if (order.status === "FUNDED") return rate;
  if (order.status !== "ACTIVE" || order.stoppedAt) refuse(order, "extend");
  // The escrow refuses once the prepaid time ran out: the gap would be billed.
  if (order.endsAt && order.endsAt.getTime() <= now)
    throw new ApiError(409, "rental_expired", "This rental's prepaid time has run out: rent again instead.");
  return rate;
}

export function extendAllowed(order: LoadedOrder, role: OrderRole, now = Date.now()): boolean {
  try {
    checkExtend(order, role, now);
    return true;
  } catch {
    return false;
  }
}

export interface ExtendPlan {
  /** approve, then extend. */
  transactions: TxRequest[];
  permit: Awaited<ReturnType<typeof extendPermitAlternative>>;
}

/** approve + extend for `hours` more, the amount computed here from the order's price and GPUs. */
export async function extendPlan(order: LoadedOrder, role: OrderRole, hours: number | undefined, now = Date.now()): Promise<ExtendPlan> {
  checkExtend(order, role, now);
  if (hours === undefined) throw new ApiError(400, "invalid_parameter", "Invalid parameters: hours", { hours: ["is required"] });
  const room = order.listing.maxHours - order.hours;
  if (hours > room) {
    throw new ApiError(400, "invalid_parameter", "Invalid parameters: hours", {
      hours: [
        room > 0
          ? `must be at most ${room}: the listing rents at most ${order.listing.maxHours} hours`
          : `cannot be added: the listing rents at most ${order.listing.maxHours} hours`,
      ],
    });
  }
  const added = rentalCost(baseUnitsOf(order.pricePerGpuHour), order.gpuCount, hours);
  const permit = await extendPermitAlternative(
    {
      chainId: order.chainId,
      buyer: order.buyerAddress,
      tokenAddress: order.tokenAddress,
      escrowAddress: order.escrowAddress,
      escrowId: order.escrowId,
    },
    added,
    now,
  ).catch(() => null);
  return { transactions: extendTransactions(order, added), permit };
}
