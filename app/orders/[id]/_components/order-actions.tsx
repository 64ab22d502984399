"use client";
/**
 * What the viewer can do with the order now. Each button asks the API (which checks the caller's
 * right and the state) for the escrow call, has the wallet send it, and then waits for the
 * indexer to move the order: the page shows the new state only once the chain says so.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TxStatus } from "@/components/orders/tx-status";
import { useEscrowPayment, type PayableOrder } from "@/components/orders/use-escrow-payment";
import { useWalletTx, WalletStepError, type PreparedTx } from "@/components/wallet/use-wallet-tx";
import { fromBaseUnits } from "@/lib/core/money";
import { withWalletIsland } from "@/components/providers/web3-provider";
import { waitForStatusChange } from "@/lib/core/wait-for-status";

type Action = "start" | "complete" | "release" | "refund" | "dispute" | "cancel";

interface Props {
  order: PayableOrder & { status: string; viewerRole: "buyer" | "provider" | "admin"; provider: string };
  actions: { action: Action; label: string }[];
  confirmations: number;
  symbol: string;
  decimals: number;
  explorerUrl?: string;
  /** Words in the page's language, from the server (lib/i18n). */
  labels: Record<"payment" | "pay" | "indexing" | "funded" | "startForm" | "host" | "sshPort" | "user" | "jupyterUrl" | "refused", string>;
}

const primary = "rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";
const secondary = "rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700";

function OrderActionsLeaf({ order, actions, confirmations, symbol, decimals, explorerUrl, labels }: Props) {
  const router = useRouter();
  const format = (units: bigint) => fromBaseUnits(units, decimals);
  const payment = useEscrowPayment(order, { confirmations, symbol, format });
  const account = order.viewerRole === "provider" ? order.provider : order.buyer;
  const tx = useWalletTx({ chainId: order.chainId, account, confirmations });
  const [busy, setBusy] = useState(false);
  const [start, setStart] = useState({ host: "", port: "22", user: "", jupyterUrl: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function run(action: Action, body: Record<string, unknown> = {}) {
    setBusy(true);
    setFieldErrors({});
    try {
      if (action !== "cancel") await tx.ensureWallet();
      const res = await fetch(`/api/v1/orders/${order.id}/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) {
        setFieldErrors(json.fieldErrors ?? {});
        throw new WalletStepError(json.message ?? labels.refused);
      }
      const prepared = json.transaction as PreparedTx | null;
      if (prepared) {
        const hash = await tx.send(action, prepared);
        tx.setStep({ kind: "done", hash });
        await waitForStatusChange(`/api/v1/orders/${order.id}`, order.status);
      }
      router.refresh();
    } catch (error) {
      tx.fail(error);
    } finally {
      setBusy(false);
    }
  }

  const payable = order.viewerRole === "buyer" && order.status === "PENDING_PAYMENT";
  return (
    <div className="space-y-4">
      {payable && (
        <section className="space-y-2" aria-label={labels.payment}>
          <button type="button" className={primary} disabled={payment.indexing || payment.step.kind === "wallet"} onClick={() => void payment.pay().then(() => router.refresh())} data-testid="pay-button">
            {labels.pay}
          </button>
          <TxStatus step={payment.step} explorerUrl={explorerUrl} />
          {payment.indexing && <p role="status" data-testid="tx-status">{labels.indexing}</p>}
          {payment.funded && <p role="status" data-testid="tx-status">{labels.funded}</p>}
        </section>
      )}
      {actions.some((a) => a.action === "start") && (
        <form
          aria-label={labels.startForm}
          className="grid gap-2 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run("start", { host: start.host, port: Number(start.port), user: start.user, jupyterUrl: start.jupyterUrl || undefined });
          }}
        >
          {(["host", "port", "user", "jupyterUrl"] as const).map((field) => (
            <label key={field} className="text-sm">
              <span className="font-medium">{{ host: labels.host, port: labels.sshPort, user: labels.user, jupyterUrl: labels.jupyterUrl }[field]}</span>
              <input
                value={start[field]}
                onChange={(e) => setStart({ ...start, [field]: e.target.value })}
                className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
                data-testid={`start-${field}`}
              />
              {fieldErrors[field] && <span className="text-xs text-red-600">{fieldErrors[field]?.join(" ")}</span>}
            </label>
          ))}
          <button type="submit" className={primary} disabled={busy} data-testid="action-start">
            {labels.startForm}
          </button>
        </form>
      )}
      <div className="flex flex-wrap gap-2">
        {actions
          .filter((a) => a.action !== "start")
          .map(({ action, label }) => (
            <button key={action} type="button" className={action === "complete" || action === "release" ? primary : secondary} disabled={busy} onClick={() => void run(action)} data-testid={`action-${action}`}>
              {label}
            </button>
          ))}
      </div>
      <TxStatus step={tx.step} explorerUrl={explorerUrl} />
    </div>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const OrderActions = withWalletIsland(OrderActionsLeaf);
