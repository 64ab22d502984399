"use client";

import type { TxStep } from "@/lib/chain/tx-step";
import { useTxTranslator } from "@/components/toast/tx-messages";

/** One line per wallet step in the page's language, with the hash linked to the chain's explorer when it has one. */
export function TxStatus({ step, explorerUrl }: { step: TxStep; explorerUrl?: string }) {
  const t = useTxTranslator();
  const link = (hash: string) =>
    explorerUrl ? (
      <a href={`${explorerUrl}/tx/${hash}`} target="_blank" rel="noreferrer" className="font-mono underline">
        {hash.slice(0, 10)}…
      </a>
    ) : (
      <code className="text-xs break-all" data-testid="tx-hash">
        {hash}
      </code>
    );
  switch (step.kind) {
    case "idle":
      return null;
    case "wallet":
      return (
        <p role="status" data-testid="tx-status">
          {t("stepWallet", { what: t(`action_${step.label}`) })}
        </p>
      );
    case "submitted":
      return (
        <p role="status" data-testid="tx-status">
          {t("stepSubmitted", { what: t(`action_${step.label}`) })} {link(step.hash)}
        </p>
      );
    case "confirming":
      return (
        <p role="status" data-testid="tx-status">
          {t("stepConfirming", { what: t(`action_${step.label}`), confirmations: step.confirmations, required: step.required })}{" "}
          {link(step.hash)}
        </p>
      );
    case "done":
      return (
        <p role="status" data-testid="tx-status">
          {t("stepDone")} {link(step.hash)}
        </p>
      );
    case "error":
      return (
        <p role="alert" className="text-sm text-red-600" data-testid="tx-error">
          {step.message}
        </p>
      );
  }
}
