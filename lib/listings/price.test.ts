import { describe, expect, it } from "vitest";
import { formatValueKey, priceForHours, tflopsTenths, valueKey } from "@/lib/listings/price";
import { reliabilityScore } from "@/lib/listings/reliability";

describe("priceForHours", () => {
  const limits = { minHours: 2, maxHours: 720 };

  it("multiplies price x GPUs x hours exactly in base units", () => {
    expect(priceForHours(1_850_000n, 8, "24", limits)).toEqual({ ok: true, hours: 24, total: 355_200_000n });
    // 0.1 per GPU-hour x 3 hours is 0.3 exactly, not 0.30000000000000004.
    expect(priceForHours(100_000n, 1, "3", limits)).toEqual({ ok: true, hours: 3, total: 300_000n });
    // Large values stay exact beyond 2^53.
    expect(priceForHours(999_999_999_999n, 16, "720", { minHours: 1, maxHours: 720 })).toMatchObject({ total: 11_519_999_999_988_480n });
  });

  it.each([
    ["", "Enter a whole number of hours"],
    ["1.5", "Enter a whole number of hours"],
    ["-3", "Enter a whole number of hours"],
    ["1", "The minimum rental is 2 hours"],
    ["721", "The maximum rental is 720 hours"],
  ])("explains %j", (typed, message) => {
    expect(priceForHours(1n, 1, typed, limits)).toEqual({ ok: false, message });
  });
});

describe("value per TFLOP-hour", () => {
  it("reads TFLOPS as integer tenths", () => {
    expect(tflopsTenths("989.0")).toBe(9890n);
    expect(tflopsTenths(756)).toBe(7560n);
    expect(tflopsTenths("181.5")).toBe(1815n);
    expect(() => tflopsTenths("1.25")).toThrow(RangeError);
  });

  it("is thousandths of a base unit, rounded half up like PostgreSQL's round()", () => {
    // 2.19 USDC / 989 TFLOPS = 0.002214357... USDC
    expect(valueKey(2_190_000n, "989.0")).toBe(2_214_358n);
    expect(formatValueKey(2_214_358n)).toBe("0.002214");
    expect(valueKey(3n, "0.8")).toBe(3_750n);
    expect(valueKey(1n, "0.3")).toBe(3_333n);
    expect(valueKey(2n, "0.3")).toBe(6_667n);
    // 1000 / 16 = 62.5 rounds up
    expect(valueKey(1n, "16.0")).toBe(63n);
  });
});

describe("reliabilityScore", () => {
  it("starts at 80 and moves with completed and failed rentals", () => {
    expect(reliabilityScore(0, 0)).toBe(80);
    expect(reliabilityScore(1, 0)).toBe(83);
    expect(reliabilityScore(0, 1)).toBe(67);
    expect(reliabilityScore(95, 0)).toBe(99);
    expect(reliabilityScore(10, 10)).toBe(56);
  });
});
