import "server-only";
/**
 * The order transitions and who may ask for each. Money moves only on chain, so a transition here
 * checks the caller's right and the order's state, records what is off-chain (connection details,
 * a cancel before payment, a transaction-hash hint) and returns the escrow call for the wallet to
 * sign. The status then changes when the indexer reads the event (lib/orders/server/state.ts).
 *
 *   action    who        from                                 escrow call      status when seen
 *   start     provider   FUNDED (ACTIVE: update details)      markStarted      ACTIVE
 *   complete  provider   ACTIVE, fixed price only             markCompleted    COMPLETED
 *   release   buyer      FUNDED ACTIVE COMPLETED DISPUTED     release          PAID
 *             provider   COMPLETED fixed (after the window)   claimPayment     PAID
 *   refund    provider   FUNDED ACTIVE COMPLETED DISPUTED     refund           REFUNDED
 *             buyer      FUNDED, after the start deadline     claimRefund      REFUNDED
 *   dispute   either     ACTIVE COMPLETED                     openDispute      DISPUTED
 *   cancel    buyer      PENDING_PAYMENT                      (none)           CANCELLED at once
 *   settle    either     DISPUTED, DISPUTE_TIMEOUT after it   settleDisputeTimeout  RESOLVED (default split)
 * Rentals (metered, lib/orders/server/metered.ts):
 *   stop      buyer      FUNDED (full refund) ACTIVE          stop             REFUNDED / ENDED
 *             provider   ACTIVE                               stop             ENDED
 *             either     COMPLETED by a monitor, after window finalizeMonitorStop  ENDED
 *   extend    buyer      FUNDED, ACTIVE before its end        approve + extend (status stays)
 *   claim     provider   ACTIVE with something accrued        claim            (status stays; ENDED at the last unit)
 *
 * Admins can read every order but act on none: disputes are settled by the arbiter on chain.
 */
import type { OrderStatus } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { refreshReservedGpus } from "@/lib/orders/server/capacity";
import { ApiError } from "@/lib/core/server/api-error";
import { escrowCall, type TxRequest } from "@/lib/orders/server/transactions";
import { extendAllowed, extendPlan, meteredPlan, type ExtendPlan } from "@/lib/orders/server/metered";
import { loadOrder, roleIn, type LoadedOrder } from "@/lib/orders/server/view";
import { DISPUTE_TIMEOUT_SECONDS } from "@/lib/orders/metering";
import type { OrderAction, StartOrderInput } from "@/lib/orders/schema";

const unsettled: readonly OrderStatus[] = ["FUNDED", "ACTIVE", "COMPLETED", "DISPUTED"];

function refuse(order: LoadedOrder, action: OrderAction): never {
  throw new ApiError(409, "invalid_transition", `This order is ${order.status}: "${action}" is not possible for you now.`);
}

/** The escrow call for `action` by this party, or a 409 when the state does not allow it. */
function planFor(
  order: LoadedOrder,
  action: Exclude<OrderAction, "cancel" | "extend">,
  party: "buyer" | "provider",
  now = Date.now(),
): TxRequest | null {
  const s = order.status;
  const rental = order.ratePerSecond !== null;
  switch (action) {
    case "start":
      if (party !== "provider") break;
      if (s === "FUNDED") return escrowCall(order, "markStarted");
      if (s === "ACTIVE") return null;
      return refuse(order, action);
    case "complete":
      if (party !== "provider") break;
      if (rental)
        throw new ApiError(
          409,
          "metered_rental",
          "A rental completes by its meter: it ends when its prepaid time runs out or when it is stopped.",
        );
      if (s === "ACTIVE") return escrowCall(order, "markCompleted");
      return refuse(order, action);
    case "release":
      if (party === "buyer" && unsettled.includes(s)) return escrowCall(order, "release");
      if (party === "provider" && s === "COMPLETED" && !rental) return escrowCall(order, "claimPayment");
      return refuse(order, action);
    case "refund":
      if (party === "provider" && unsettled.includes(s)) return escrowCall(order, "refund");
      if (party === "buyer" && s === "FUNDED") {
        if (order.startDeadline.getTime() >= Date.now()) {
          throw new ApiError(
            409,
            "start_deadline_not_reached",
            `The provider may start until ${order.startDeadline.toISOString()}; ask them for a refund or wait.`,
          );
        }
        return escrowCall(order, "claimRefund");
      }
      return refuse(order, action);
    case "dispute":
      if (s === "ACTIVE" || s === "COMPLETED") return escrowCall(order, "openDispute");
      return refuse(order, action);
    case "settle": {
      if (s !== "DISPUTED" || !order.disputedAt) return refuse(order, action);
      const timesOutAt = order.disputedAt.getTime() + DISPUTE_TIMEOUT_SECONDS * 1000;
      // The contract wants the timeout strictly passed; a block's time is whole seconds.
      if (now <= timesOutAt + 1000) {
        throw new ApiError(
          409,
          "dispute_timeout_not_reached",
          `The arbiter may decide until ${new Date(timesOutAt).toISOString()}; after that either party can settle by the default rule.`,
        );
      }
      return escrowCall(order, "settleDisputeTimeout");
    }
    case "stop":
    case "claim":
      return meteredPlan(order, action, party, now);
  }
  throw new ApiError(403, "forbidden", `Only the ${party === "buyer" ? "provider" : "buyer"} can ${action} this order.`);
}

export interface TransitionResult {
  orderId: string;
  /** The escrow call to sign, or null when nothing on chain is needed. */
  transaction: TxRequest | null;
  /** Everything to send, in order: extend's approve and extend, otherwise just `transaction`. */
  transactions: TxRequest[];
  /** extend only: the permit alternative to approve + extend (null without one). */
  permit?: ExtendPlan["permit"];
}

/** Runs `action` for the caller. `start` needs the connection details, `extend` the hours; every action may carry a tx hash hint. */
export async function transitionOrder(
  caller: Caller,
  id: string,
  action: OrderAction,
  input: { txHash?: string; hours?: number } & Partial<Omit<StartOrderInput, "txHash">>,
): Promise<TransitionResult> {
  const order = await loadOrder(id);
  const role = order ? roleIn(order, caller) : null;
  if (!order || !role) throw new ApiError(404, "not_found", "No order with this id.");
  if (role === "admin")
    throw new ApiError(403, "forbidden", "Only the buyer or the provider can act on an order; the arbiter settles disputes on chain.");

  const hints =
    input.txHash && !order.txHints.includes(input.txHash.toLowerCase())
      ? [...order.txHints, input.txHash.toLowerCase()].slice(-20)
      : undefined;

  if (action === "cancel") {
    if (role !== "buyer") throw new ApiError(403, "forbidden", "Only the buyer can cancel this order.");
    // Conditional update: a payment the indexer applies meanwhile wins over the cancel.
    const count = await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({ where: { id, status: "PENDING_PAYMENT" }, data: { status: "CANCELLED" } });
      // The cancelled order's GPUs are free again at once, not when its hold would have lapsed.
      if (count > 0) await refreshReservedGpus(tx, order.listingId);
      return count;
    });
    if (count === 0) refuse(order, action);
    return { orderId: id, transaction: null, transactions: [] };
  }

  if (action === "extend") {
    const plan = await extendPlan(order, role, input.hours);
    if (hints) await db.order.update({ where: { id }, data: { txHints: hints } });
    return { orderId: id, transaction: plan.transactions.at(-1) ?? null, transactions: plan.transactions, permit: plan.permit };
  }

  const transaction = planFor(order, action, role);
  // A training job's order runs the buyer's container, not an SSH session: no connection details.
  if (action === "start" && !order.job) {
    if (!input.host || !input.port || !input.user) {
      throw new ApiError(400, "invalid_parameter", "Invalid parameters: connection details", { host: ["is required"] });
    }
    await db.order.update({
      where: { id },
      data: {
        connectionHost: input.host,
        connectionPort: input.port,
        connectionUser: input.user,
        jupyterUrl: input.jupyterUrl ?? null,
        ...(hints ? { txHints: hints } : {}),
      },
    });
  } else if (hints) {
    await db.order.update({ where: { id }, data: { txHints: hints } });
  }
  return { orderId: id, transaction, transactions: transaction ? [transaction] : [] };
}

/** The actions the viewer may take now, derived from the same rules the API enforces. */
export function availableActions(order: LoadedOrder, role: "buyer" | "provider" | "admin"): OrderAction[] {
  if (role === "admin") return [];
  const out: OrderAction[] = [];
  if (role === "buyer" && order.status === "PENDING_PAYMENT") out.push("cancel");
  const rental = order.ratePerSecond !== null;
  for (const action of ["start", "complete", "release", "refund", "dispute", "stop", "extend", "claim", "settle"] as const) {
    // A training job is started and completed on its job page, where the result and checksum are given.
    if (order.job && (action === "start" || action === "complete")) continue;
    // A rental's buyer stops instead: before a start that refunds everything, at any time.
    if (rental && role === "buyer" && action === "refund") continue;
    try {
      if (action === "extend") {
        if (extendAllowed(order, role)) out.push(action);
      } else {
        planFor(order, action, role);
        out.push(action);
      }
    } catch {
      // Not allowed for this party in this state: simply not offered.
    }
  }
  return out;
}
