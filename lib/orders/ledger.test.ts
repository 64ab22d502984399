/** Folding an order's escrow events into its money and clock columns, and what a settlement says about the provider. */
import { describe, expect, it } from "vitest";
import { foldLedger, rentalEnd, type LedgerEvent } from "@/lib/orders/ledger";
import { outcomeOf } from "@/lib/orders/outcome";

const t0 = new Date("2026-12-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const unix = (s: number) => String(Math.floor(at(s).getTime() / 1000));
const ev = (eventName: string, s: number, args: Record<string, string> = {}, applied = true): LedgerEvent => ({
  eventName,
  applied,
  blockTime: at(s),
  args,
});

describe("foldLedger", () => {
  it("counts nothing before an applied EscrowOpened", () => {
    const l = foldLedger([
      ev("EscrowOpened", 0, { amount: "900" }, false),
      ev("RentalOpened", 0, { ratePerSecond: "1" }, false),
      ev("EscrowStarted", 5),
    ]);
    expect(l).toMatchObject({ escrowAmount: 0n, startedAt: null });
  });

  it("follows extensions, claims and a stop by the meter to the exact split", () => {
    const events = [
      ev("EscrowOpened", 0, { amount: "3600" }),
      ev("RentalOpened", 0, { ratePerSecond: "1" }),
      ev("EscrowStarted", 60),
      ev("RentalExtended", 600, { added: "1800", amount: "5400", endsAt: unix(5460) }),
      ev("RentalClaimed", 1200, { providerAmount: "1129", fee: "11" }),
      ev("RentalEnded", 1860, { endedAt: unix(1860), buyerAmount: "3600", providerAmount: "659", fee: "1" }),
    ];
    const l = foldLedger(events);
    expect(l).toEqual({
      escrowAmount: 5400n,
      extendedAmount: 1800n,
      startedAt: at(60),
      stoppedAt: at(1860),
      disputedAt: null,
      claimed: 1140n,
      providerPaid: 1788n,
      feePaid: 12n,
      buyerRefunded: 3600n,
    });
    // Everything the escrow received is accounted for: provider + fee + buyer.
    expect(l.providerPaid + l.feePaid + l.buyerRefunded).toBe(l.escrowAmount);
    expect(rentalEnd(l, 1n, at(1860))).toEqual(at(1860));
  });

  it("freezes a running rental where its dispute opened, and takes the default split when it timed out", () => {
    const l = foldLedger([
      ev("EscrowOpened", 0, { amount: "1000" }),
      ev("RentalOpened", 0, { ratePerSecond: "2" }),
      ev("EscrowStarted", 100),
      ev("EscrowDisputed", 300),
      ev("DisputeTimedOut", 300 + 15 * 86_400, { buyerAmount: "600", providerAmount: "396", fee: "4" }),
    ]);
    expect(l).toMatchObject({ stoppedAt: at(300), disputedAt: at(300), providerPaid: 396n, feePaid: 4n, buyerRefunded: 600n });
  });

  it("ends a running rental's hold when its prepaid time runs out, and a fixed-price dispute freezes no meter", () => {
    const started = foldLedger([
      ev("EscrowOpened", 0, { amount: "1000" }),
      ev("RentalOpened", 0, { ratePerSecond: "3" }),
      ev("EscrowStarted", 10),
    ]);
    // ceil(1000 / 3) = 334 seconds after the start.
    expect(rentalEnd(started, 3n, null)).toEqual(at(344));
    expect(rentalEnd(started, 3n, at(100))).toEqual(at(100));
    const fixed = foldLedger([ev("EscrowOpened", 0, { amount: "1000" }), ev("EscrowStarted", 10), ev("EscrowDisputed", 20)]);
    expect(fixed.stoppedAt).toBeNull();
  });
});

describe("outcomeOf", () => {
  const buyer = "0x00000000000000000000000000000000000000B1";
  const order = { capacityLost: false, startDeadline: at(3600), buyerAddress: buyer };
  const opened = ev("EscrowOpened", 0, { amount: "1000" });

  it("does not count a refund the buyer chose against the provider", () => {
    // The buyer stopped before the start deadline.
    expect(outcomeOf("REFUNDED", [opened, ev("EscrowRefunded", 60, { by: buyer.toLowerCase(), amount: "1000" })], order)).toBeNull();
    // Paid after the hold, with the GPUs gone: whoever refunds, it says nothing about the provider.
    expect(
      outcomeOf("REFUNDED", [opened, ev("EscrowRefunded", 60, { by: "0xP", amount: "1000" })], { ...order, capacityLost: true }),
    ).toBeNull();
  });

  it("counts a refund the provider caused: never started by the deadline, or refunded by the provider", () => {
    expect(outcomeOf("REFUNDED", [opened, ev("EscrowRefunded", 7200, { by: buyer, amount: "1000" })], order)).toBe("failed");
    expect(
      outcomeOf(
        "REFUNDED",
        [opened, ev("EscrowRefunded", 60, { by: "0x00000000000000000000000000000000000000A1", amount: "1000" })],
        order,
      ),
    ).toBe("failed");
  });

  it("counts a rental ended by its meter as delivered, unless the monitor stopped it", () => {
    expect(outcomeOf("ENDED", [opened, ev("RentalEnded", 90)], order)).toBe("completed");
    expect(outcomeOf("ENDED", [opened, ev("RentalMonitorStopped", 80), ev("RentalEnded", 90)], order)).toBe("failed");
  });

  it("judges a resolution by the provider's share, the arbiter's or the default one", () => {
    expect(outcomeOf("RESOLVED", [opened, ev("DisputeResolved", 9, { providerBps: "7000" })], order)).toBe("completed");
    expect(outcomeOf("RESOLVED", [opened, ev("DisputeResolved", 9, { providerBps: "4999" })], order)).toBe("failed");
    expect(outcomeOf("RESOLVED", [opened, ev("DisputeTimedOut", 9, { buyerAmount: "300", providerAmount: "690", fee: "10" })], order)).toBe(
      "completed",
    );
    expect(outcomeOf("RESOLVED", [opened, ev("DisputeTimedOut", 9, { buyerAmount: "700", providerAmount: "297", fee: "3" })], order)).toBe(
      "failed",
    );
  });
});
