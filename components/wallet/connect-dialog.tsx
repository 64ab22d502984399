"use client";

import { useEffect, useId, useRef } from "react";
import { useConnect, useConnectors, type Connector } from "wagmi";
import { Button } from "@/components/ui/button";
import { walletEntries } from "@/components/wallet/wallet-list";
import { useSignIn } from "@/lib/auth/client/use-session";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";

/**
 * The wallet picker: a native modal <dialog>, so focus is trapped and restored, Escape closes it, and screen
 * readers announce it by its heading. It lists the wallets wagmi discovered (EIP-6963 announces name and
 * icon), Coinbase Wallet, and, on the local chain only, the dev wallet's demo accounts (components/wallet/wallet-list.ts).
 * Picking one connects and then signs in.
 */
export function ConnectDialog({
  open,
  onClose,
  chainId,
  t,
}: {
  open: boolean;
  onClose: () => void;
  chainId: number;
  t: Translator<Messages["wallet"]>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const connectors = useConnectors();
  const { connectAsync, isPending, error, reset } = useConnect();
  const signIn = useSignIn();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const { wallets, devWallets, browserWalletFound } = walletEntries(
    connectors,
    chainId,
    typeof window !== "undefined" && "ethereum" in window,
  );

  async function pick(connector: Connector) {
    reset();
    const result = await connectAsync({ connector, chainId }).catch(() => undefined);
    const address = result?.accounts[0];
    if (!address) return;
    onClose();
    // On the wrong network the header offers "Switch to <chain>" first; signing in waits for that.
    if (result.chainId === chainId) signIn.mutate({ address, chainId });
  }

  return (
    <dialog
      ref={ref}
      onKeyDown={keepTabInside}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-sm rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id={titleId} className="font-semibold">
          {t("dialogTitle")}
        </h2>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label={t("close")} className="-m-2">
          ✕
        </Button>
      </div>
      <div className="space-y-4 p-4">
        <ConnectorList label={t("wallets")} connectors={wallets} onPick={pick} disabled={isPending} browserWallet={t("browserWallet")} />
        {!browserWalletFound && <p className="text-sm text-slate-600 dark:text-slate-400">{t("noWallet")}</p>}
        {devWallets.length > 0 && (
          <ConnectorList
            label={t("devWallet")}
            connectors={devWallets}
            onPick={pick}
            disabled={isPending}
            hint={t("devWalletHint")}
            browserWallet={t("browserWallet")}
          />
        )}
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error.message.split("\n")[0]}
          </p>
        )}
      </div>
    </dialog>
  );
}

const FOCUSABLE =
  "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** A modal <dialog> makes the page inert, but Tab after the last control still leaves for the browser's own UI; cycle instead. */
function keepTabInside(event: React.KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function ConnectorList(props: {
  label: string;
  connectors: readonly Connector[];
  onPick: (c: Connector) => void;
  disabled: boolean;
  hint?: string;
  browserWallet: string;
}) {
  const headingId = useId();
  if (props.connectors.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">
        {props.label}
      </h3>
      {props.hint && <p className="mb-2 text-xs text-slate-500">{props.hint}</p>}
      <ul className="space-y-1">
        {props.connectors.map((c) => (
          <li key={c.uid}>
            <Button variant="secondary" size="row" disabled={props.disabled} onClick={() => props.onPick(c)}>
              {c.icon ? (
                // Wallet icons are data: URIs announced by the extension, drawn as a background (decorative: the name follows).
                <span
                  aria-hidden
                  className="size-6 rounded bg-contain bg-center bg-no-repeat"
                  style={{ backgroundImage: `url(${JSON.stringify(c.icon)})` }}
                />
              ) : (
                <span aria-hidden className="grid size-6 place-items-center rounded bg-slate-200 text-xs dark:bg-slate-700">
                  {c.name.slice(0, 1)}
                </span>
              )}
              {c.id === "injected" ? props.browserWallet : c.name}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
