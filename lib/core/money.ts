/**
 * Money is an integer count of token base units (a bigint) everywhere: in the
 * database (Decimal with scale 0), on the wire (a decimal string) and on chain.
 * These helpers are the only place a human decimal like "1.85" becomes base
 * units and back, and they never go through a JavaScript number.
 */
import { formatUnits, parseUnits } from "viem";

/** USDC and the local test token both use 6 decimals; real deployments read decimals from the chain. */
export const DEFAULT_TOKEN_DECIMALS = 6;

const decimalPattern = /^\d+(\.\d+)?$/;

/** Parses "1.85" into base units; throws on anything that is not a plain non-negative decimal with at most `decimals` places. */
export function toBaseUnits(amount: string, decimals = DEFAULT_TOKEN_DECIMALS): bigint {
  const trimmed = amount.trim();
  if (!decimalPattern.test(trimmed)) throw new RangeError(`"${amount}" is not a plain decimal amount`);
  const fraction = trimmed.split(".")[1] ?? "";
  if (fraction.length > decimals) throw new RangeError(`"${amount}" has more than ${decimals} decimal places`);
  return parseUnits(trimmed, decimals);
}

/** Formats base units as a decimal string with at least `minFraction` fraction digits ("1.85", "2.00"). */
export function fromBaseUnits(units: bigint, decimals = DEFAULT_TOKEN_DECIMALS, minFraction = 2): string {
  const [whole, fraction = ""] = formatUnits(units, decimals).split(".");
  const padded = fraction.padEnd(minFraction, "0");
  return padded ? `${whole}.${padded}` : `${whole}`;
}

/** Human display: "$1.85" style with the token symbol ("1.85 USDC"). */
export function formatTokenAmount(units: bigint, symbol = "USDC", decimals = DEFAULT_TOKEN_DECIMALS): string {
  return `${fromBaseUnits(units, decimals)} ${symbol}`;
}

/** Price of a rental: per-GPU-hour price x GPUs x hours, exact in base units. */
export function rentalCost(pricePerGpuHour: bigint, gpuCount: number, hours: number): bigint {
  if (!Number.isInteger(gpuCount) || gpuCount < 1) throw new RangeError("gpuCount must be a positive integer");
  if (!Number.isInteger(hours) || hours < 1) throw new RangeError("hours must be a positive integer");
  return pricePerGpuHour * BigInt(gpuCount) * BigInt(hours);
}

/**
 * Base units from a database Decimal (money columns are `Decimal(78, 0)`: whole base units, wider
 * than a bigint column so any uint256 fits). Goes through the decimal string, never a number.
 */
export function baseUnitsOf(amount: { toFixed(digits: number): string }): bigint {
  return BigInt(amount.toFixed(0));
}
