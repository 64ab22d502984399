/**
 * What a settled order says about its provider, for reliability (lib/listings/reliability.ts): null when
 * it says nothing. Pure: the indexer's refold calls it with the order's stored events.
 *
 *   PAID        completed (released to the provider)
 *   ENDED       completed: the rental ran until one side stopped it or its time ran out; failed when a
 *               monitor stop (a host outage the platform observed) ended it
 *   REFUNDED    failed, unless the refund came from a choice the buyer made: a rental the buyer
 *               stopped before its start deadline, or a payment that arrived after its hold with the
 *               GPUs gone (capacityLost). Those say nothing about the provider: null.
 *   RESOLVED    by the split: the arbiter's providerBps, or for a dispute that timed out the share
 *               of what was held that went to the provider; at least half is completed
 */
import type { OrderStatus, Prisma } from "@/lib/generated/prisma/client";

export type RentalOutcome = "completed" | "failed";

interface OutcomeEvent {
  eventName: string;
  applied: boolean;
  blockTime: Date;
  args: Prisma.JsonValue;
}

function arg(args: Prisma.JsonValue, key: string): string {
  const value = args && typeof args === "object" && !Array.isArray(args) ? args[key] : undefined;
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

const big = (text: string) => (/^\d+$/.test(text) ? BigInt(text) : 0n);

export function outcomeOf(
  status: OrderStatus,
  events: readonly OutcomeEvent[],
  order: { capacityLost: boolean; startDeadline: Date; buyerAddress: string },
): RentalOutcome | null {
  const applied = events.filter((e) => e.applied);
  const last = (name: string) => applied.findLast((e) => e.eventName === name);
  switch (status) {
    case "PAID":
      return "completed";
    case "ENDED":
      return last("RentalMonitorStopped") ? "failed" : "completed";
    case "REFUNDED": {
      if (order.capacityLost) return null;
      const refund = last("EscrowRefunded");
      const byBuyer = refund && arg(refund.args, "by").toLowerCase() === order.buyerAddress.toLowerCase();
      // Before the deadline only the buyer's own stop refunds a buyer (claimRefund needs the deadline passed).
      if (byBuyer && !last("EscrowStarted") && refund.blockTime <= order.startDeadline) return null;
      return "failed";
    }
    case "RESOLVED": {
      const resolved = last("DisputeResolved");
      if (resolved) return Number(arg(resolved.args, "providerBps") || 0) >= 5_000 ? "completed" : "failed";
      const timedOut = last("DisputeTimedOut");
      if (!timedOut) return "failed";
      const provider = big(arg(timedOut.args, "providerAmount")) + big(arg(timedOut.args, "fee"));
      return provider >= big(arg(timedOut.args, "buyerAmount")) ? "completed" : "failed";
    }
    default:
      return null;
  }
}
