/**
 * A wallet transaction's steps as one toast that changes in place: wallet prompt → submitted (with
 * the hash) → confirming → confirmed, or failed with the reason in words. Kept apart from the hook
 * so the wording is tested without a browser.
 */
import { useEffect, useRef } from "react";
import type { TxStep } from "@/hooks/use-wallet-tx";
import { showToast, updateToast, type ToastInput } from "@/components/toast/toast-store";

function confirmed(what: string, hash: string): ToastInput {
  return { tone: "success", phase: "confirmed", title: `Confirmed: the ${what} went through`, hash };
}

/** The toast for a step; `label` is the last action named (the done step does not carry it). Null for idle. */
export function txToast(step: TxStep, label: string | undefined): ToastInput | null {
  const what = label ?? "transaction";
  switch (step.kind) {
    case "idle":
      return null;
    case "wallet":
      return { tone: "progress", phase: "wallet", title: `Confirm the ${what} in your wallet`, body: "Nothing is sent until you approve it there." };
    case "submitted":
      return { tone: "progress", phase: "submitted", title: `Submitted the ${what}`, body: "Waiting for it to be included in a block.", hash: step.hash };
    case "confirming":
      // Callers move on (to the next transaction, or to idle) once the last confirmation is in, so that is the success.
      if (step.confirmations >= step.required) return confirmed(what, step.hash);
      return { tone: "progress", phase: "confirming", title: `Confirming the ${what}`, body: `${step.confirmations} of ${step.required} confirmations.`, hash: step.hash };
    case "done":
      return confirmed(what, step.hash);
    case "error":
      return { tone: "error", phase: "failed", title: `The ${what} failed`, body: step.message };
  }
}

/**
 * Mirrors a useWalletTx step into one toast. A new transaction after a finished one (or after the
 * person dismissed the toast) gets a fresh toast; the steps of one transaction update it in place.
 */
export function useTxToast(step: TxStep) {
  const toastId = useRef<number | null>(null);
  const label = useRef<string | undefined>(undefined);
  // The hash of the transaction whose toast has finished (success or failure); null while one is in progress.
  const finishedHash = useRef<string | null | undefined>(null);
  useEffect(() => {
    if ("label" in step) label.current = step.label;
    const toast = txToast(step, label.current);
    if (!toast) return;
    // "done" after the last confirmation is the same transaction: update that toast rather than adding one.
    const sameAsFinished = finishedHash.current !== null && toast.hash !== undefined && toast.hash === finishedHash.current;
    const current = finishedHash.current !== null && !sameAsFinished ? null : toastId.current;
    if (current === null || !updateToast(current, toast)) toastId.current = showToast(toast);
    finishedHash.current = toast.tone === "progress" ? null : toast.hash;
  }, [step]);
}
