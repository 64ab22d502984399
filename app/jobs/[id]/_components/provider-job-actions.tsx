"use client";
/**
 * The accepted provider's controls: Start and Complete ask the job API for the escrow call, have the
 * wallet sign it and wait for the indexer to move the job (components/wallet/use-chain-action.ts, as the
 * order actions do); progress notes are a plain server action. The page shows a new status only once the
 * chain says so.
 */
import { useActionState } from "react";
import { TxStatus } from "@/components/orders/tx-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FieldError, TextareaField, TextField } from "@/components/ui/field";
import { useChainAction } from "@/components/wallet/use-chain-action";
import type { FormState } from "@/lib/core/form-state";
import { postProgressAction } from "../../actions";
import { withWalletIsland } from "@/components/providers/web3-provider";

interface Props {
  jobId: string;
  status: string;
  chainId: number;
  providerAddress: string;
  confirmations: number;
  explorerUrl?: string;
  /** Words in the page's language, from the server (lib/i18n, `jobs` namespace `run.*`). */
  labels: Record<
    | "yourWork"
    | "fundedHint"
    | "startJob"
    | "progressForm"
    | "progressNote"
    | "postNote"
    | "completeForm"
    | "resultUrl"
    | "resultHint"
    | "sha"
    | "shaHint"
    | "nothingToDo",
    string
  >;
}

const completeFields = ["resultUrl", "resultSha256", "_"];

function ProviderJobActionsLeaf({ jobId, status, chainId, providerAddress, confirmations, explorerUrl, labels }: Props) {
  const { run: runChainAction, busy, fieldErrors, step } = useChainAction({ chainId, account: providerAddress, confirmations });
  const [progress, progressAction, progressPending] = useActionState<FormState, FormData>(postProgressAction, { attempt: 0 });

  const run = (action: "start" | "complete", body: Record<string, unknown> = {}) =>
    runChainAction({
      url: `/api/v1/jobs/${jobId}/${action}`,
      body,
      label: action === "start" ? "startJob" : "completeJob",
      watch: { url: `/api/v1/jobs/${jobId}`, from: status },
      fields: action === "complete" ? completeFields : [],
    });

  return (
    <section aria-labelledby="provider-actions" className={cardClass("space-y-4")}>
      <h2 id="provider-actions" className="font-semibold">
        {labels.yourWork}
      </h2>
      {status === "FUNDED" && (
        <div className="space-y-1">
          <p className="text-sm">{labels.fundedHint}</p>
          <Button disabled={busy} onClick={() => void run("start")} data-testid="job-start">
            {labels.startJob}
          </Button>
        </div>
      )}
      {(status === "FUNDED" || status === "RUNNING") && (
        <form key={progress.attempt} action={progressAction} className="space-y-2" aria-label={labels.progressForm}>
          <input type="hidden" name="jobId" value={jobId} />
          <TextareaField
            name="body"
            label={labels.progressNote}
            defaultValue={progress.values?.body as string | undefined}
            errors={progress.fieldErrors?.body}
          />
          {progress.error && !progress.fieldErrors && <Alert tone="error">{progress.error}</Alert>}
          <Button type="submit" variant="secondary" disabled={progressPending} data-testid="post-progress">
            {labels.postNote}
          </Button>
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
          <TextField name="resultUrl" label={labels.resultUrl} hint={labels.resultHint} errors={fieldErrors.resultUrl} />
          <TextField name="resultSha256" label={labels.sha} hint={labels.shaHint} errors={fieldErrors.resultSha256} spellCheck={false} />
          <FieldError name="complete" errors={fieldErrors._} />
          <Button type="submit" disabled={busy} data-testid="job-complete">
            {labels.completeForm}
          </Button>
        </form>
      )}
      {!["FUNDED", "RUNNING"].includes(status) && <p className="text-sm text-slate-500">{labels.nothingToDo}</p>}
      <TxStatus step={step} explorerUrl={explorerUrl} />
    </section>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const ProviderJobActions = withWalletIsland(ProviderJobActionsLeaf);
