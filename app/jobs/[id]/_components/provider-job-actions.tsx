"use client";
/**
 * The accepted provider's controls: Start and Complete ask the job API for the escrow call, have the
 * wallet sign it (components/wallet/use-wallet-tx.ts, as the order actions do), then wait for the indexer to move
 * the job; progress notes are a plain server action. The page shows a new status only once the
 * chain says so.
 */
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Field, FieldError, type FormState } from "@/components/jobs/form-fields";
import { TxStatus } from "@/components/orders/tx-status";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/components/wallet/use-wallet-tx";
import { postProgressAction } from "../../actions";
import { withWalletIsland } from "@/components/providers/web3-provider";
import { waitForStatusChange } from "@/lib/core/wait-for-status";

interface Props {
  jobId: string;
  status: string;
  chainId: number;
  providerAddress: string;
  confirmations: number;
  explorerUrl?: string;
  /** Words in the page's language, from the server (lib/i18n, `jobs` namespace `run.*`). */
  labels: Record<"yourWork" | "fundedHint" | "startJob" | "progressForm" | "progressNote" | "postNote" | "completeForm" | "resultUrl" | "resultHint" | "sha" | "shaHint" | "nothingToDo" | "refused", string>;
}

const primary = "rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";

function ProviderJobActionsLeaf({ jobId, status, chainId, providerAddress, confirmations, explorerUrl, labels }: Props) {
  const router = useRouter();
  const tx = useWalletTx({ chainId, account: providerAddress, confirmations });
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [progress, progressAction, progressPending] = useActionState<FormState, FormData>(postProgressAction, { attempt: 0 });

  async function run(action: "start" | "complete", body: Record<string, unknown> = {}) {
    setBusy(true);
    setFieldErrors({});
    try {
      await tx.ensureWallet();
      const res = await fetch(`/api/v1/jobs/${jobId}/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) {
        setFieldErrors(json.fieldErrors ?? {});
        throw new WalletStepError(json.message ?? labels.refused);
      }
      const prepared = json.transaction as PreparedTx | null;
      if (prepared) {
        const hash = await tx.send(action === "start" ? "startJob" : "completeJob", prepared);
        tx.setStep({ kind: "done", hash });
        await waitForStatusChange(`/api/v1/jobs/${jobId}`, status);
      }
      router.refresh();
    } catch (error) {
      tx.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="provider-actions" className="space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="provider-actions" className="font-semibold">
        {labels.yourWork}
      </h2>
      {status === "FUNDED" && (
        <div className="space-y-1">
          <p className="text-sm">{labels.fundedHint}</p>
          <button type="button" className={primary} disabled={busy} onClick={() => void run("start")} data-testid="job-start">
            {labels.startJob}
          </button>
        </div>
      )}
      {(status === "FUNDED" || status === "RUNNING") && (
        <form key={progress.attempt} action={progressAction} className="space-y-2" aria-label={labels.progressForm}>
          <input type="hidden" name="jobId" value={jobId} />
          <Field name="body" label={labels.progressNote} defaultValue={progress.values?.body as string | undefined} errors={progress.fieldErrors?.body} multiline />
          {progress.error && !progress.fieldErrors && (
            <p role="alert" className="text-sm text-red-700">
              {progress.error}
            </p>
          )}
          <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700" disabled={progressPending} data-testid="post-progress">
            {labels.postNote}
          </button>
        </form>
      )}
      {status === "RUNNING" && (
        <form
          aria-label={labels.completeForm}
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            void run("complete", { resultUrl: data.get("resultUrl"), resultSha256: data.get("resultSha256") });
          }}
        >
          <Field name="resultUrl" label={labels.resultUrl} hint={labels.resultHint} errors={fieldErrors.resultUrl} />
          <Field name="resultSha256" label={labels.sha} hint={labels.shaHint} errors={fieldErrors.resultSha256} spellCheck={false} />
          <FieldError name="complete" errors={fieldErrors._} />
          <button type="submit" className={primary} disabled={busy} data-testid="job-complete">
            {labels.completeForm}
          </button>
        </form>
      )}
      {!["FUNDED", "RUNNING"].includes(status) && <p className="text-sm text-slate-500">{labels.nothingToDo}</p>}
      <TxStatus step={tx.step} explorerUrl={explorerUrl} />
    </section>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const ProviderJobActions = withWalletIsland(ProviderJobActionsLeaf);
