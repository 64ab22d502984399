"use client";
/**
 * The one way a page changes something that lives on chain: ask the API (which checks who may do what, and
 * in which state) for the escrow call, send it with the wallet (useWalletTx: account, network, receipt,
 * confirmations, toasts), wait until the indexer has moved the resource's status, then refresh the page.
 * The page shows a new state only once the chain says so.
 *
 * Refusals are words in the page's language: the API's error code and field errors
 * (lib/i18n/api-errors.ts), never the answer's English `message`; wallet errors come from useWalletTx.
 */
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { Hex } from "viem";
import { useTxLocale } from "@/components/toast/tx-messages";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/components/wallet/use-wallet-tx";
import { waitForStatusChange } from "@/lib/core/wait-for-status";
import { apiRefusal, unreachableMessage } from "@/lib/i18n/api-errors";
import type { TxAction } from "@/lib/i18n/messages/tx-en";

export interface ChainActionRequest {
  /** The route that answers `{ transaction }` (or `{ transactions: [...] }`; null for a change made off chain). */
  url: string;
  body?: Record<string, unknown>;
  /** Names the wallet step in the toasts and the inline status. */
  label: TxAction;
  /** The resource the indexer updates, and its status (or `field`) now: the hook waits until it is another. */
  watch: { url: string; from: string; field?: string };
  /** False for a change the server makes at once, without a transaction (cancelling an unpaid order). */
  needsWallet?: boolean;
  /** The fields the form shows errors under; the errors of any other field join the message. */
  fields?: readonly string[];
}

export function useChainAction(opts: { chainId: number; account?: string; confirmations: number }) {
  const router = useRouter();
  const tx = useWalletTx(opts);
  const locale = useTxLocale();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const { ensureWallet, send, setStep, fail, t } = tx;

  /** Resolves when the change is visible (or failed, with the reason shown); never throws. */
  const run = useCallback(
    async ({ url, body = {}, label, watch, needsWallet = true, fields }: ChainActionRequest) => {
      setBusy(true);
      setFieldErrors({});
      setStep({ kind: "idle" });
      try {
        // The wallet is checked first, so a wrong account fails before the server records anything.
        if (needsWallet) await ensureWallet();
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(
          () => {
            throw new WalletStepError(unreachableMessage(locale));
          },
        );
        const answer: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const refusal = apiRefusal(answer, locale, fields);
          setFieldErrors(refusal.fieldErrors);
          throw new WalletStepError(refusal.message);
        }
        const transactions = preparedTransactions(answer);
        if (transactions.length > 0) {
          let hash: Hex | undefined;
          for (const prepared of transactions) hash = await send(label, prepared);
          setStep({ kind: "done", hash: hash! });
          const seen = await waitForStatusChange(watch.url, watch.from, 120, watch.field);
          router.refresh();
          if (!seen) throw new WalletStepError(t("notIndexed"));
        } else {
          router.refresh();
        }
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [ensureWallet, send, setStep, fail, t, locale, router],
  );

  return { run, busy, fieldErrors, step: tx.step };
}

function preparedTransactions(answer: unknown): PreparedTx[] {
  if (typeof answer !== "object" || answer === null) return [];
  const { transaction, transactions } = answer as { transaction?: PreparedTx | null; transactions?: PreparedTx[] };
  return transactions ?? (transaction ? [transaction] : []);
}
