"use client";

import { useSyncExternalStore } from "react";
import { dismissToast, getServerToasts, getToasts, subscribeToasts, type Toast } from "@/components/toast/toast-store";
import { explorerTxUrl } from "@/lib/chain/explorer";
import { useTxTranslator } from "@/components/toast/tx-messages";
import { Button } from "@/components/ui/button";

const toneClass: Record<Toast["tone"], string> = {
  progress: "border-slate-300 dark:border-slate-600",
  success: "border-green-600 dark:border-green-500",
  error: "border-red-600 dark:border-red-500",
};

/**
 * The toast region, rendered once in the root layout after <main>. It is a labelled live region
 * (polite: a transaction's progress should not interrupt what a screen reader is saying) that
 * stays in the DOM while empty, because live regions added together with their text go unannounced.
 * Each toast has a real dismiss button, so it is reachable and closable from the keyboard. Its words
 * come from the root layout's <TxMessagesProvider>.
 */
export function Toaster({ explorerUrl }: { explorerUrl?: string }) {
  const t = useTxTranslator();
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
  return (
    <section
      aria-label={t("toastsLabel")}
      aria-live="polite"
      data-testid="toasts"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:left-auto sm:w-96"
    >
      {toasts.map((toast) => {
        const href = toast.hash ? explorerTxUrl(explorerUrl, toast.hash) : undefined;
        return (
          <div
            key={toast.id}
            data-testid="toast"
            data-phase={toast.phase}
            className={`pointer-events-auto flex items-start gap-3 rounded-lg border-l-4 bg-white p-3 text-sm text-slate-900 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 ${toneClass[toast.tone]}`}
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p className="font-medium">{toast.title}</p>
              {toast.body && <p className="text-slate-700 dark:text-slate-300">{toast.body}</p>}
              {toast.hash &&
                (href ? (
                  <a href={href} target="_blank" rel="noreferrer" className="font-mono text-xs underline">
                    {t("viewOnExplorer", { hash: toast.hash.slice(0, 10) })}
                  </a>
                ) : (
                  <code className="block font-mono text-xs break-all" data-testid="toast-hash">
                    {toast.hash}
                  </code>
                ))}
            </div>
            <Button variant="ghost" size="icon" onClick={() => dismissToast(toast.id)} aria-label={t("dismiss")} className="-m-2 shrink-0">
              ✕
            </Button>
          </div>
        );
      })}
    </section>
  );
}
