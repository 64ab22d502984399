import { describe, expect, it } from "vitest";
import { formatTokenAmount, fromBaseUnits, rentalCost, toBaseUnits } from "@/lib/core/money";

describe("toBaseUnits", () => {
  it.each([
    ["1.85", 1_850_000n],
    ["0.000001", 1n],
    ["2", 2_000_000n],
    [" 10.5 ", 10_500_000n],
    // 0.1 + 0.2 is the classic float trap: base units stay exact.
    ["0.3", 300_000n],
    ["123456789.123456", 123_456_789_123_456n],
  ])("parses %s", (input, expected) => {
    expect(toBaseUnits(input)).toBe(expected);
  });

  it.each(["", "-1", "1e3", "1.2345678", "abc", "1,5", ".5", "NaN"])("rejects %j", (input) => {
    expect(() => toBaseUnits(input)).toThrow(RangeError);
  });

  it("respects other decimals", () => {
    expect(toBaseUnits("1.5", 18)).toBe(1_500_000_000_000_000_000n);
    expect(() => toBaseUnits("1.5", 0)).toThrow(RangeError);
  });
});

describe("fromBaseUnits", () => {
  it("formats with at least two fraction digits and never rounds", () => {
    expect(fromBaseUnits(1_850_000n)).toBe("1.85");
    expect(fromBaseUnits(2_000_000n)).toBe("2.00");
    expect(fromBaseUnits(1n)).toBe("0.000001");
    expect(fromBaseUnits(123_456_789_123_456n)).toBe("123456789.123456");
    expect(formatTokenAmount(2_190_000n)).toBe("2.19 USDC");
  });

  it("round-trips every parsed amount", () => {
    for (const s of ["0.01", "1.85", "999999999.999999"]) expect(fromBaseUnits(toBaseUnits(s))).toBe(s);
  });
});

describe("rentalCost", () => {
  it("multiplies exactly in base units", () => {
    expect(rentalCost(2_190_000n, 8, 24)).toBe(420_480_000n);
    // Far beyond Number.MAX_SAFE_INTEGER without losing a unit.
    expect(rentalCost(9_007_199_254_740_993n, 3, 7)).toBe(189_151_184_349_560_853n);
  });

  it.each([
    [0, 1],
    [1, 0],
    [1.5, 1],
    [1, -2],
  ])("rejects gpus=%s hours=%s", (gpus, hours) => {
    expect(() => rentalCost(1n, gpus, hours)).toThrow(RangeError);
  });
});
