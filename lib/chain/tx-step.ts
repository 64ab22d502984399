/**
 * What a wallet transaction is doing, as the transaction hook reports it and the toasts and inline
 * status show it. Plain types, so the toast and the hook share them without importing each other.
 */
import type { Address, Hex } from "viem";
import type { TxAction } from "@/lib/i18n/messages/tx-en";

export type TxStep =
  | { kind: "idle" }
  | { kind: "wallet"; label: TxAction }
  | { kind: "submitted"; label: TxAction; hash: Hex }
  | { kind: "confirming"; label: TxAction; hash: Hex; confirmations: number; required: number }
  | { kind: "done"; hash: Hex }
  | { kind: "error"; message: string };

export interface PreparedTx {
  to: Address;
  data: Hex;
}
