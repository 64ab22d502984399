/**
 * Receipts as CSV (RFC 4180): CRLF line ends, every field that holds a comma, a double quote, CR or
 * LF is quoted with inner quotes doubled. Amounts are exact decimal strings from base units (no
 * float, no thousands separator, "." as the decimal point, whatever the viewer's language) and
 * times are ISO 8601 in UTC, so spreadsheets and scripts read the same values the chain holds.
 * `amount` is what the buyer put into escrow (extensions included); provider_paid, fee and refunded
 * are what the escrow actually paid out of it, so a rental stopped early shows its refund.
 */
import { fromBaseUnits } from "@/lib/core/money";
import type { Receipt } from "./receipts";

/**
 * RFC 4180 quoting, after neutralising formulas: a cell that starts with =, +, -, @, a tab or a CR is
 * prefixed with ' (as the audit export does), since spreadsheets run such cells and a city, a listing's
 * text or the token's symbol (read from the chain) is someone else's words.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(fields: string[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

/** The header row; the OpenAPI document lists these columns from here. */
export const receiptColumns = [
  "order_id",
  "listing",
  "hours",
  "gpus",
  "amount",
  "token",
  "status",
  "provider_paid",
  "fee",
  "refunded",
  "created_at",
  "funded_at",
  "settled_at",
  "opened_tx",
  "released_tx",
  "refunded_tx",
];

const iso = (d: Date | null) => (d ? d.toISOString() : "");

export function receiptsCsv(receipts: Receipt[], token: { decimals: number; symbol: string }): string {
  return (
    csvRow(receiptColumns) +
    receipts
      .map((r) =>
        csvRow([
          r.orderId,
          r.listing,
          String(r.hours),
          String(r.gpuCount),
          fromBaseUnits(r.amount, token.decimals, 0),
          token.symbol,
          r.status,
          fromBaseUnits(r.providerPaid, token.decimals, 0),
          fromBaseUnits(r.feePaid, token.decimals, 0),
          fromBaseUnits(r.buyerRefunded, token.decimals, 0),
          iso(r.createdAt),
          iso(r.fundedAt),
          iso(r.settledAt),
          r.openedTx ?? "",
          r.releasedTx ?? "",
          r.refundedTx ?? "",
        ]),
      )
      .join("")
  );
}
