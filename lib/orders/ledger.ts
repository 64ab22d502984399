/**
 * What an order's escrow events say about its money and its clock, folded from the events the indexer
 * stored (like its status, lib/orders/server/state.ts): recomputed from scratch each time, so a
 * re-read changes nothing and a reorg that deletes events takes their effect back.
 *
 *   EscrowOpened      escrowAmount (what the opening put in)
 *   RentalExtended    escrowAmount = the event's total, extendedAmount += added
 *   EscrowStarted     startedAt (the block's time)
 *   EscrowDisputed    disputedAt; a running rental's meter freezes there
 *   RentalMonitorStopped  the meter froze at the monitor's endedAt
 *   RentalClaimed     claimed += gross; providerPaid += providerAmount; feePaid += fee
 *   RentalEnded       the meter stopped at endedAt; the settlement's providerAmount, fee, buyerAmount
 *   EscrowReleased, EscrowRefunded, DisputeResolved, DisputeTimedOut   the settlement's split
 *
 * The split columns are what the escrow credited, never recomputed: the provider after fees, the fee,
 * and what went back to the buyer.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { rentalEndsAt } from "@/lib/chain/escrow";

export interface LedgerEvent {
  eventName: string;
  applied: boolean;
  blockTime: Date;
  args: Prisma.JsonValue;
}

export interface Ledger {
  escrowAmount: bigint;
  extendedAmount: bigint;
  startedAt: Date | null;
  stoppedAt: Date | null;
  disputedAt: Date | null;
  claimed: bigint;
  providerPaid: bigint;
  feePaid: bigint;
  buyerRefunded: bigint;
}

function units(args: Prisma.JsonValue, key: string): bigint {
  const value = args && typeof args === "object" && !Array.isArray(args) ? args[key] : undefined;
  return typeof value === "string" && /^\d+$/.test(value) ? BigInt(value) : typeof value === "number" ? BigInt(value) : 0n;
}

const unixDate = (seconds: bigint) => new Date(Number(seconds) * 1000);

/** The ledger after `events` (chain order). Nothing counts before an applied EscrowOpened. */
export function foldLedger(events: readonly LedgerEvent[]): Ledger {
  const l: Ledger = {
    escrowAmount: 0n,
    extendedAmount: 0n,
    startedAt: null,
    stoppedAt: null,
    disputedAt: null,
    claimed: 0n,
    providerPaid: 0n,
    feePaid: 0n,
    buyerRefunded: 0n,
  };
  let opened = false;
  let rental = false;
  const settle = (args: Prisma.JsonValue) => {
    l.providerPaid += units(args, "providerAmount");
    l.feePaid += units(args, "fee");
    l.buyerRefunded += units(args, "buyerAmount");
  };
  for (const e of events) {
    if (!e.applied) continue;
    if (e.eventName === "EscrowOpened") {
      if (!opened) l.escrowAmount = units(e.args, "amount");
      opened = true;
      continue;
    }
    if (!opened) continue;
    switch (e.eventName) {
      case "RentalOpened":
        rental = true;
        break;
      case "RentalExtended":
        l.extendedAmount += units(e.args, "added");
        l.escrowAmount = units(e.args, "amount");
        break;
      case "EscrowStarted":
        l.startedAt = e.blockTime;
        break;
      case "EscrowDisputed":
        l.disputedAt = e.blockTime;
        // A running rental's meter freezes when the dispute opens; a monitor stop keeps its own end time.
        if (rental && l.startedAt && !l.stoppedAt) l.stoppedAt = e.blockTime;
        break;
      case "RentalMonitorStopped":
        l.stoppedAt = unixDate(units(e.args, "endedAt"));
        break;
      case "RentalClaimed":
        l.claimed += units(e.args, "providerAmount") + units(e.args, "fee");
        l.providerPaid += units(e.args, "providerAmount");
        l.feePaid += units(e.args, "fee");
        break;
      case "RentalEnded":
        l.stoppedAt = unixDate(units(e.args, "endedAt"));
        settle(e.args);
        break;
      case "EscrowReleased":
      case "DisputeResolved":
      case "DisputeTimedOut":
        settle(e.args);
        break;
      case "EscrowRefunded":
        l.buyerRefunded += units(e.args, "amount");
        break;
    }
  }
  return l;
}

/**
 * Until when a rental holds its GPUs, as far as the chain says: where its meter froze, else the end of
 * its prepaid time once started, else the moment it settled without a start. Null while it has not
 * started (lib/orders/capacity.ts then holds it until the start deadline plus its hours).
 */
export function rentalEnd(ledger: Ledger, ratePerSecond: bigint, settledAt: Date | null): Date | null {
  if (ledger.stoppedAt) return ledger.stoppedAt;
  if (ledger.startedAt && ratePerSecond > 0n) {
    const end = rentalEndsAt(BigInt(Math.floor(ledger.startedAt.getTime() / 1000)), ledger.escrowAmount, ratePerSecond);
    // A settlement before the prepaid end (a release, a refund) ends the rental there.
    const endDate = new Date(Number(end > 8_640_000_000_000n ? 8_640_000_000_000n : end) * 1000);
    return settledAt && settledAt < endDate ? settledAt : endDate;
  }
  return settledAt;
}
