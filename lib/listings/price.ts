/**
 * Price maths for listings, all in integer base units (bigint). TFLOPS carry one decimal
 * in the catalog and the database, so they are handled as integer tenths.
 */
import { fromBaseUnits, rentalCost } from "@/lib/core/money";

/** "756.5" or 756.5 -> 7565 tenths; throws on more than one decimal place. */
export function tflopsTenths(tflops: string | number): bigint {
  const text = String(tflops);
  const match = /^(\d+)(?:\.(\d))?0*$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a TFLOPS figure with at most one decimal`);
  return BigInt(match[1] ?? "0") * 10n + BigInt(match[2] ?? "0");
}

/**
 * Price per TFLOP-hour in thousandths of a base unit, rounded half up: exactly what the
 * database's generated "valueKey" column holds, so the page and the sort agree.
 */
export function valueKey(pricePerGpuHour: bigint, tflopsPerGpu: string | number): bigint {
  const tenths = tflopsTenths(tflopsPerGpu);
  if (tenths === 0n) throw new RangeError("TFLOPS must be positive");
  // price * 1000 / (tenths / 10) = price * 10000 / tenths, rounded half up.
  return (pricePerGpuHour * 10_000n * 2n + tenths) / (2n * tenths);
}

/** "$0.002214" style: a value key shown as a price per TFLOP-hour with 6 significant decimals. */
export function formatValueKey(key: bigint): string {
  // key is thousandths of a base unit; 9 decimals of the token unit, trimmed to 6 places.
  return fromBaseUnits(key / 1000n, 6, 6);
}

export type HoursResult = { ok: true; hours: number; total: bigint } | { ok: false; message: string };

/**
 * What `hours` (as typed by a user) of a machine costs: price per GPU-hour x GPUs x hours.
 * Enforces the listing's minimum and maximum rental length.
 */
export function priceForHours(
  pricePerGpuHour: bigint,
  gpuCount: number,
  typed: string,
  limits: { minHours: number; maxHours: number },
): HoursResult {
  const text = typed.trim();
  if (!/^\d{1,6}$/.test(text)) return { ok: false, message: "Enter a whole number of hours" };
  const hours = Number(text);
  if (hours < limits.minHours)
    return { ok: false, message: `The minimum rental is ${limits.minHours} hour${limits.minHours === 1 ? "" : "s"}` };
  if (hours > limits.maxHours) return { ok: false, message: `The maximum rental is ${limits.maxHours} hours` };
  return { ok: true, hours, total: rentalCost(pricePerGpuHour, gpuCount, hours) };
}
