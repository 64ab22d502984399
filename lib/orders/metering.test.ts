/** The rate rule and the live meter, against the escrow's own arithmetic (lib/chain/escrow.ts). */
import { describe, expect, it } from "vitest";
import { rentalCost } from "@/lib/core/money";
import { meterAt, paidSeconds, ratePerSecondFor } from "@/lib/orders/metering";

describe("ratePerSecondFor", () => {
  it("rounds the hourly price down to whole base units per second, so a second never costs more than listed", () => {
    // 2.50 USDC per GPU-hour on one GPU: 694.44… per second.
    expect(ratePerSecondFor(2_500_000n, 1)).toBe(694n);
    expect(ratePerSecondFor(2_500_000n, 1) * 3600n).toBeLessThanOrEqual(2_500_000n);
    // 3.60 USDC per GPU-hour is exactly 1,000 per second: no rounding at all.
    expect(ratePerSecondFor(3_600_000n, 1)).toBe(1000n);
    expect(ratePerSecondFor(1_500_000n, 2)).toBe(833n);
    // Below one base unit per second the escrow cannot meter it.
    expect(ratePerSecondFor(3_599n, 1)).toBe(0n);
  });

  it("gives the buyer the rounding as a few more seconds for exactly the booked amount", () => {
    const amount = rentalCost(2_500_000n, 1, 1);
    const rate = ratePerSecondFor(2_500_000n, 1);
    expect(paidSeconds(amount, rate)).toBe(3603n);
    const exact = rentalCost(3_600_000n, 1, 5);
    expect(paidSeconds(exact, ratePerSecondFor(3_600_000n, 1))).toBe(5n * 3600n);
  });
});

describe("meterAt", () => {
  const running = { startedAt: 1_000, stoppedAt: null, amount: 3_000n, ratePerSecond: 1n, claimed: 0n };

  it("shows nothing accrued before a start, and the whole amount as remaining", () => {
    expect(meterAt({ ...running, startedAt: null }, 5_000)).toEqual({
      elapsed: 0,
      accrued: 0n,
      claimable: 0n,
      remaining: 3_000n,
      endsAt: null,
      running: false,
    });
  });

  it("accrues rate × whole seconds while running, less what was claimed is claimable", () => {
    expect(meterAt({ ...running, claimed: 400n }, 2_000)).toEqual({
      elapsed: 1_000,
      accrued: 1_000n,
      claimable: 600n,
      remaining: 2_000n,
      endsAt: 4_000,
      running: true,
    });
  });

  it("freezes where the meter stopped, and caps at the amount when the prepaid time is over", () => {
    expect(meterAt({ ...running, stoppedAt: 1_500 }, 9_000)).toMatchObject({
      elapsed: 500,
      accrued: 500n,
      remaining: 2_500n,
      running: false,
    });
    expect(meterAt(running, 9_000)).toMatchObject({ elapsed: 3_000, accrued: 3_000n, remaining: 0n, running: false });
  });

  it("ends at startedAt + ceil(amount / rate): the last second carries only the remainder", () => {
    const m = meterAt({ ...running, amount: 10n, ratePerSecond: 3n }, 1_003);
    expect(m).toMatchObject({ endsAt: 1_004, accrued: 9n, remaining: 1n });
    expect(meterAt({ ...running, amount: 10n, ratePerSecond: 3n }, 1_004)).toMatchObject({ accrued: 10n, remaining: 0n, running: false });
  });
});
