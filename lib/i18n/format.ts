/**
 * Numbers, token amounts and dates for a locale. Safe for client and server.
 *
 * Token amounts (rules chosen for Idlegrid):
 * - input is integer base units (bigint); the digits come from lib/core/money's `fromBaseUnits`, so
 *   nothing is rounded and nothing passes through a float: every significant fraction digit is
 *   shown, with at least two ("1.85", "2.00", "0.000001");
 * - the whole part is grouped by Intl.NumberFormat, which formats bigints exactly, so amounts
 *   beyond 2^53 base units keep every digit: en "1,234,567.89", de "1.234.567,89";
 * - the decimal separator is the locale's (en ".", de ","); negatives get a leading "-";
 * - the symbol follows the amount in both languages ("1.85 USDC", "1,85 USDC"); the dollar form
 *   used for prices follows each language's custom: en "$1.85", de "1,85 $".
 */
import { DEFAULT_TOKEN_DECIMALS, fromBaseUnits } from "@/lib/core/money";
import type { Locale } from "./locales";

function decimalSeparator(locale: Locale): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/** Base units as a localized decimal without a symbol: 1234567890n -> en "1,234.56789", de "1.234,56789". */
export function formatAmount(units: bigint, locale: Locale, decimals = DEFAULT_TOKEN_DECIMALS, minFraction = 2): string {
  const negative = units < 0n;
  // A token without decimals has no fraction to pad.
  const [whole = "0", fraction] = fromBaseUnits(negative ? -units : units, decimals, Math.min(minFraction, decimals)).split(".");
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  const body = fraction ? `${grouped}${decimalSeparator(locale)}${fraction}` : grouped;
  return negative && units !== 0n ? `-${body}` : body;
}

/** "1,234.56 USDC" / "1.234,56 USDC". */
export function formatToken(units: bigint, locale: Locale, symbol = "USDC", decimals = DEFAULT_TOKEN_DECIMALS): string {
  return `${formatAmount(units, locale, decimals)} ${symbol}`;
}

/** A price shown in dollars (the stablecoin is dollar-pegged): en "$1.85", de "1,85 $". */
export function formatDollars(units: bigint, locale: Locale, decimals = DEFAULT_TOKEN_DECIMALS): string {
  const amount = formatAmount(units, locale, decimals);
  return locale === "de" ? `${amount} $` : `$${amount}`;
}

/** Counts and other plain numbers: en "12,345", de "12.345". */
export function formatNumber(value: number | bigint, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A calendar date: en "Nov 22, 2026", de "22.11.2026". UTC, so server and browser agree. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** Date and time: en "Nov 22, 2026, 6:53 AM UTC", de "22.11.2026, 06:53 UTC". */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";
}

/** A decimal that is already exact text ("0.0019", "7912"), regrouped for the locale without parsing it as a float. */
export function formatDecimalText(text: string, locale: Locale): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole = "0", fraction] = match;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  return `${sign}${fraction ? `${grouped}${decimalSeparator(locale)}${fraction}` : grouped}`;
}
