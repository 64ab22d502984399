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
import { useChainAction } from "@/components/wallet/use-chain-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { fromBaseUnits, rentalCost } from "@/lib/core/money";
import { withWalletIsland } from "@/components/providers/web3-provider";
import type { OrderAction as Action } from "@/lib/orders/schema";

interface Props {
  order: PayableOrder & {
    status: string;
    viewerRole: "buyer" | "provider" | "admin";
    provider: string;
    pricePerGpuHour: string;
    gpuCount: number;
    claimed: string;
  };
  actions: { action: Action; label: string }[];
  confirmations: number;
  symbol: string;
  decimals: number;
  explorerUrl?: string;
  /** Words in the page's language, from the server (lib/i18n). */
  labels: Record<
    "payment" | "pay" | "indexing" | "funded" | "startForm" | "host" | "sshPort" | "user" | "jupyterUrl" | "extendHours" | "extendCost",
    string
  >;
}

/** What the indexer changes when each action's transaction is mined: most move the status, an extension the amount, a claim the claimed total. */
const watchedField: Partial<Record<Action, "amount" | "claimed">> = { extend: "amount", claim: "claimed" };

const startFields = ["host", "port", "user", "jupyterUrl"] as const;

function OrderActionsLeaf({ order, actions, confirmations, symbol, decimals, explorerUrl, labels }: Props) {
  const router = useRouter();
  const format = (units: bigint) => fromBaseUnits(units, decimals);
  const payment = useEscrowPayment(order, { confirmations, symbol, format });
  const account = order.viewerRole === "provider" ? order.provider : order.buyer;
  const { run: runChainAction, busy, fieldErrors, step } = useChainAction({ chainId: order.chainId, account, confirmations });
  const [start, setStart] = useState({ host: "", port: "22", user: "", jupyterUrl: "" });
  const [extendHours, setExtendHours] = useState("1");
  const hoursToAdd = /^\d+$/.test(extendHours) && Number(extendHours) >= 1 ? Number(extendHours) : null;

  const run = (action: Action, body: Record<string, unknown> = {}) => {
    const field = watchedField[action];
    return runChainAction({
      url: `/api/v1/orders/${order.id}/${action}`,
      body,
      label: action,
      watch: { url: `/api/v1/orders/${order.id}`, from: field ? order[field] : order.status, field },
      // Cancelling an unpaid order is the server's alone; everything else is an escrow call.
      needsWallet: action !== "cancel",
      fields: action === "start" ? startFields : action === "extend" ? ["hours"] : [],
    });
  };

  const payable = order.viewerRole === "buyer" && order.status === "PENDING_PAYMENT";
  return (
    <div className="space-y-4">
      {payable && (
        <section className="space-y-2" aria-label={labels.payment}>
          <Button
            disabled={payment.indexing || payment.step.kind === "wallet"}
            onClick={() => void payment.pay().then(() => router.refresh())}
            data-testid="pay-button"
          >
            {labels.pay}
          </Button>
          <TxStatus step={payment.step} explorerUrl={explorerUrl} />
          {payment.indexing && (
            <p role="status" data-testid="tx-status">
              {labels.indexing}
            </p>
          )}
          {payment.funded && (
            <p role="status" data-testid="tx-status">
              {labels.funded}
            </p>
          )}
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
          {startFields.map((field) => (
            <Field
              key={field}
              id={`start-${field}`}
              label={{ host: labels.host, port: labels.sshPort, user: labels.user, jupyterUrl: labels.jupyterUrl }[field]}
              errors={fieldErrors[field]}
            >
              {(control) => (
                <Input
                  value={start[field]}
                  onChange={(e) => setStart({ ...start, [field]: e.target.value })}
                  data-testid={`start-${field}`}
                  {...control}
                />
              )}
            </Field>
          ))}
          <Button type="submit" disabled={busy} data-testid="action-start">
            {labels.startForm}
          </Button>
        </form>
      )}
      {actions
        .filter((a) => a.action === "extend")
        .map(({ label }) => (
          <form
            key="extend"
            aria-label={label}
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run("extend", { hours: hoursToAdd ?? extendHours });
            }}
          >
            <Field id="extend-hours" label={labels.extendHours} errors={fieldErrors.hours}>
              {(control) => (
                <Input
                  type="number"
                  min={1}
                  step={1}
                  value={extendHours}
                  onChange={(e) => setExtendHours(e.target.value)}
                  className="w-28"
                  data-testid="extend-hours"
                  {...control}
                />
              )}
            </Field>
            <Button type="submit" disabled={busy} data-testid="action-extend">
              {label}
            </Button>
            {hoursToAdd !== null && (
              <span className="text-sm text-slate-500" data-testid="extend-cost">
                {labels.extendCost.replace(
                  "{amount}",
                  `${format(rentalCost(BigInt(order.pricePerGpuHour), order.gpuCount, hoursToAdd))} ${symbol}`,
                )}
              </span>
            )}
          </form>
        ))}
      <div className="flex flex-wrap gap-2">
        {actions
          .filter((a) => a.action !== "start" && a.action !== "extend")
          .map(({ action, label }) => (
            <Button
              key={action}
              variant={action === "complete" || action === "release" ? "primary" : "secondary"}
              disabled={busy}
              onClick={() => void run(action)}
              data-testid={`action-${action}`}
            >
              {label}
            </Button>
          ))}
      </div>
      <TxStatus step={step} explorerUrl={explorerUrl} />
    </div>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const OrderActions = withWalletIsland(OrderActionsLeaf);
