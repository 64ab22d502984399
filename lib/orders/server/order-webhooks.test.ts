import { describe, expect, it } from "vitest";
import { orderWebhookEvents, type FoldableEvent } from "@/lib/orders/server/state";

const ev = (eventName: string, applied = true): FoldableEvent => ({ eventName, applied, blockTime: new Date(), args: {} });

describe("orderWebhookEvents", () => {
  it("names each milestone an order passes, once, even when one indexer pass covers several", () => {
    expect(orderWebhookEvents("PENDING_PAYMENT", "FUNDED", [ev("EscrowOpened")])).toEqual(["order.funded"]);
    expect(
      orderWebhookEvents("PENDING_PAYMENT", "PAID", [ev("EscrowOpened"), ev("EscrowStarted"), ev("EscrowCompleted"), ev("EscrowReleased")]),
    ).toEqual(["order.funded", "order.started", "order.stopped", "order.settled"]);
    expect(orderWebhookEvents("ACTIVE", "DISPUTED", [ev("EscrowOpened"), ev("EscrowStarted"), ev("EscrowDisputed")])).toEqual([
      "order.disputed",
    ]);
    expect(orderWebhookEvents("DISPUTED", "RESOLVED", [ev("EscrowOpened"), ev("EscrowDisputed"), ev("DisputeResolved")])).toEqual([
      "order.settled",
    ]);
    // A running rental a party stops ends and settles in one transaction.
    expect(orderWebhookEvents("ACTIVE", "RESOLVED", [ev("EscrowOpened"), ev("EscrowStarted"), ev("RentalEnded")])).toEqual([
      "order.stopped",
      "order.settled",
    ]);
    // A payment that arrives after the buyer cancelled still funds the order, and says so.
    expect(orderWebhookEvents("CANCELLED", "FUNDED", [ev("EscrowOpened")])).toEqual(["order.funded"]);
  });

  it("sends nothing when the status stays, goes back in a reorg, or a milestone's event was ignored", () => {
    expect(orderWebhookEvents("FUNDED", "FUNDED", [ev("EscrowOpened")])).toEqual([]);
    expect(orderWebhookEvents("FUNDED", "PENDING_PAYMENT", [])).toEqual([]);
    // Released straight from FUNDED: no start or stop happened on chain, so none is announced.
    expect(orderWebhookEvents("FUNDED", "PAID", [ev("EscrowOpened"), ev("EscrowStarted", false), ev("EscrowReleased")])).toEqual([
      "order.settled",
    ]);
  });
});
