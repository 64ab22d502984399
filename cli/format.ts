/** Plain-text output: aligned tables for people, one value per line for scripts (--quiet), JSON (--json). */
import { fromBaseUnits } from "@/lib/core/money";

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** Token base units as a decimal (6 decimals: USDC and the test token). */
export function amount(baseUnits: string): string {
  return fromBaseUnits(BigInt(baseUnits));
}

export function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/** `key  value` lines, for one record. */
export function fields(pairs: [string, string | number | null | undefined][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(width)}  ${v ?? "-"}`).join("\n");
}
