import { describe, expect, it } from "vitest";
import { toBaseUnits } from "@/lib/core/money";
import { formatAmount, formatDate, formatDateTime, formatDollars, formatNumber, formatToken } from "./format";

describe("formatToken per locale", () => {
  it.each([
    [1_234_567n, "1.234567 USDC", "1,234567 USDC"],
    [1_234_560_000n, "1,234.56 USDC", "1.234,56 USDC"],
    [2_000_000n, "2.00 USDC", "2,00 USDC"],
    [1n, "0.000001 USDC", "0,000001 USDC"],
    [0n, "0.00 USDC", "0,00 USDC"],
    [-1_850_000n, "-1.85 USDC", "-1,85 USDC"],
    [-1n, "-0.000001 USDC", "-0,000001 USDC"],
    [-1_234_567_890_000n, "-1,234,567.89 USDC", "-1.234.567,89 USDC"],
  ])("%s base units -> en %j, de %j", (units, english, german) => {
    expect(formatToken(units, "en")).toBe(english);
    expect(formatToken(units, "de")).toBe(german);
  });

  it("keeps every digit beyond 2^53 base units, where a float would round", () => {
    const units = 2n ** 53n + 1n; // 9007199254740993: not representable as a double
    expect(Number(units)).toBe(9_007_199_254_740_992); // the float trap this formatter avoids
    expect(formatToken(units, "en")).toBe("9,007,199,254.740993 USDC");
    expect(formatToken(units, "de")).toBe("9.007.199.254,740993 USDC");
    const huge = 123_456_789_012_345_678_901_234_567n;
    expect(formatAmount(huge, "en")).toBe("123,456,789,012,345,678,901.234567");
    expect(formatAmount(-huge, "de")).toBe("-123.456.789.012.345.678.901,234567");
  });

  it("round-trips what a provider typed, in both languages", () => {
    const units = toBaseUnits("98765.4321");
    expect(formatAmount(units, "en")).toBe("98,765.4321");
    expect(formatAmount(units, "de")).toBe("98.765,4321");
  });

  it("uses the token's decimals and symbol", () => {
    expect(formatToken(1_500_000_000_000_000_000n, "de", "DAI", 18)).toBe("1,50 DAI");
    expect(formatToken(12_345n, "en", "tUSDC", 0)).toBe("12,345 tUSDC");
  });
});

describe("formatDollars", () => {
  it("puts the dollar sign where each language does", () => {
    expect(formatDollars(1_850_000n, "en")).toBe("$1.85");
    expect(formatDollars(1_850_000n, "de")).toBe("1,85 $");
    expect(formatDollars(12_345_670_000n, "de")).toBe("12.345,67 $");
  });
});

describe("numbers and dates", () => {
  it("groups numbers per locale", () => {
    expect(formatNumber(12_345, "en")).toBe("12,345");
    expect(formatNumber(12_345, "de")).toBe("12.345");
    expect(formatNumber(2n ** 64n, "de")).toBe("18.446.744.073.709.551.616");
  });

  it("formats dates in UTC so server and browser agree", () => {
    const date = new Date("2026-03-04T17:05:00Z");
    expect(formatDate(date, "en")).toBe("Mar 4, 2026");
    expect(formatDate(date, "de")).toBe("04.03.2026");
    expect(formatDateTime(date, "en")).toBe("Mar 4, 2026, 5:05 PM UTC");
    expect(formatDateTime(date, "de")).toBe("04.03.2026, 17:05 UTC");
  });
});
