/**
 * A wallet transaction's steps as one toast that changes in place: wallet prompt → submitted (with
 * the hash) → confirming → confirmed, or failed with the reason in words. Kept apart from the hook
 * so the wording is tested without a browser.
 */
import { useEffect, useRef } from "react";
import type { TxStep } from "@/lib/chain/tx-step";
import { showToast, updateToast, type ToastInput } from "@/components/toast/toast-store";
import { useTxTranslator } from "@/components/toast/tx-messages";
import type { TxAction, TxMessages } from "@/lib/i18n/messages/tx-en";
import type { Translator } from "@/lib/i18n/translate";

/** The toast for a step; `label` is the last action named (the done step does not carry it). Null for idle. */
export function txToast(step: TxStep, label: TxAction | undefined, t: Translator<TxMessages>): ToastInput | null {
  const what = t(`action_${label ?? "transaction"}`);
  const confirmed = (hash: string): ToastInput => ({ tone: "success", phase: "confirmed", title: t("confirmedTitle", { what }), hash });
  switch (step.kind) {
    case "idle":
      return null;
    case "wallet":
      return { tone: "progress", phase: "wallet", title: t("walletTitle", { what }), body: t("walletBody") };
    case "submitted":
      return { tone: "progress", phase: "submitted", title: t("submittedTitle", { what }), body: t("submittedBody"), hash: step.hash };
    case "confirming":
      // Callers move on (to the next transaction, or to idle) once the last confirmation is in, so that is the success.
      if (step.confirmations >= step.required) return confirmed(step.hash);
      return {
        tone: "progress",
        phase: "confirming",
        title: t("confirmingTitle", { what }),
        body: t("confirmingBody", { confirmations: step.confirmations, required: step.required }),
        hash: step.hash,
      };
    case "done":
      return confirmed(step.hash);
    case "error":
      return { tone: "error", phase: "failed", title: t("failedTitle", { what }), body: step.message };
  }
}

/**
 * Mirrors a useWalletTx step into one toast. A new transaction after a finished one (or after the
 * person dismissed the toast) gets a fresh toast; the steps of one transaction update it in place.
 */
export function useTxToast(step: TxStep) {
  const t = useTxTranslator();
  const toastId = useRef<number | null>(null);
  const label = useRef<TxAction | undefined>(undefined);
  // The hash of the transaction whose toast has finished (success or failure); null while one is in progress.
  const finishedHash = useRef<string | null | undefined>(null);
  useEffect(() => {
    if ("label" in step) label.current = step.label;
    const toast = txToast(step, label.current, t);
    if (!toast) return;
    // "done" after the last confirmation is the same transaction: update that toast rather than adding one.
    const sameAsFinished = finishedHash.current !== null && toast.hash !== undefined && toast.hash === finishedHash.current;
    const current = finishedHash.current !== null && !sameAsFinished ? null : toastId.current;
    if (current === null || !updateToast(current, toast)) toastId.current = showToast(toast);
    finishedHash.current = toast.tone === "progress" ? null : toast.hash;
  }, [step, t]);
}
