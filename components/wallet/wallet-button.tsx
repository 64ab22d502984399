"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useConnection, useDisconnect, useSwitchChain } from "wagmi";
import { FaucetButton } from "@/components/orders/faucet-button";
import { useChainClientConfig } from "@/components/providers/chain-config";
import { accountChipClass, AccountChipContent, ReconnectingAccount } from "@/components/wallet/account-chip";
import { Button, buttonClass } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useSession, useSessionWalletGuard, useSignIn, useSignOut, type SessionInfo } from "@/lib/auth/client/use-session";
import { useTokenBalance } from "@/lib/chain/client/use-token-balance";
import { chainById, isLocalChain } from "@/lib/chain/chains";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator, type Translator } from "@/lib/i18n/translate";

type T = Translator<Messages["wallet"]>;

/** Serializable: the server layout passes them through the lazily loading wallet slot. */
export interface WalletButtonProps {
  messages: Messages["wallet"];
  locale: Locale;
  /** The session the server rendered the page for, from its cookie; null when signed out. */
  session: SessionInfo | null;
}

/** The header's wallet area: connect, switch network, sign in, and the signed-in account menu. */
export function WalletButton({ messages, locale, session: serverSession }: WalletButtonProps) {
  const config = useChainClientConfig();
  const t = createTranslator(messages, locale);
  const [dialogOpen, setDialogOpen] = useState(false);
  const { address, status, chainId } = useConnection();
  const { data: session } = useSession(serverSession);
  const signIn = useSignIn();
  useSessionWalletGuard();

  const dialog = <ConnectDialog open={dialogOpen} onClose={() => setDialogOpen(false)} chainId={config.chainId} t={t} />;

  const firstReconnectPending = useFirstReconnectPending(status);
  if (serverSession && (firstReconnectPending || status === "reconnecting"))
    return <ReconnectingAccount session={serverSession} messages={messages} />;
  if (status !== "connected" || !address) {
    return (
      <>
        <Button onClick={() => setDialogOpen(true)} disabled={status === "connecting"} data-testid="connect-wallet">
          {status === "connecting" || status === "reconnecting" ? t("connecting") : t("connect")}
        </Button>
        {dialog}
      </>
    );
  }

  const signedIn = !!session && session.address.toLowerCase() === address.toLowerCase();
  const wrongNetwork = chainId !== config.chainId;
  return (
    <div className="flex items-center gap-2">
      {wrongNetwork && <SwitchNetwork chainId={config.chainId} t={t} />}
      {!signedIn && !wrongNetwork && (
        <Button onClick={() => signIn.mutate(undefined)} disabled={signIn.isPending} data-testid="sign-in">
          {signIn.isPending ? t("checkWallet") : t("signIn")}
        </Button>
      )}
      <AccountMenu address={address} config={config} session={signedIn ? session : null} t={t} locale={locale} />
      {signIn.error && (
        <p role="alert" className="max-w-56 text-xs text-red-600">
          {signIn.error.message.split("\n")[0]}
        </p>
      )}
    </div>
  );
}

/**
 * Whether the tab's first wallet reconnect is still to come or under way. wagmi says "disconnected"
 * until its provider's mount effect starts that reconnect, so on its own "disconnected" does not yet
 * mean there is no wallet; the reconnect (which runs once per tab) settles it, or a few seconds do,
 * should it never start.
 */
function useFirstReconnectPending(status: ReturnType<typeof useConnection>["status"]): boolean {
  const [settled, setSettled] = useState(false);
  const attempted = useRef(false);
  useEffect(() => {
    if (status === "reconnecting" || status === "connecting") attempted.current = true;
    else if (status === "connected" || attempted.current) setSettled(true);
  }, [status]);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), 3000);
    return () => clearTimeout(timer);
  }, []);
  return !settled && status !== "connected";
}

function SwitchNetwork({ chainId, t }: { chainId: number; t: T }) {
  const { switchChain, isPending, error } = useSwitchChain();
  const name = chainById(chainId)?.name ?? `chain ${chainId}`;
  return (
    <>
      <Button variant="warning" onClick={() => switchChain({ chainId })} disabled={isPending}>
        {t("switchTo", { chain: name })}
      </Button>
      {error && (
        <span role="alert" className="sr-only">
          {error.message}
        </span>
      )}
    </>
  );
}

function AccountMenu(props: {
  address: `0x${string}`;
  config: ChainClientConfig;
  session: { isAdmin: boolean } | null;
  t: T;
  locale: Locale;
}) {
  const { address, config, session, t } = props;
  const { data: balance } = useTokenBalance(config.tokenAddress, address);
  const { disconnect } = useDisconnect();
  const signOut = useSignOut();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }

  return (
    <details className="relative">
      <summary className={`${accountChipClass} cursor-pointer list-none`} aria-label={t("account", { address })}>
        <AccountChipContent
          address={address}
          balance={balance === undefined ? "…" : formatToken(balance, props.locale, "tUSDC")}
          role={session ? (session.isAdmin ? t("admin") : t("signedIn")) : t("notSignedIn")}
          signedIn={!!session}
        />
      </summary>
      <div className="absolute right-0 z-10 mt-2 w-64 space-y-1 rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="px-2 py-1 font-mono text-xs break-all text-slate-600 dark:text-slate-300">{address}</p>
        <p className="px-2 pb-1 text-slate-600 2xl:hidden dark:text-slate-300" data-testid="wallet-menu-balance">
          {balance === undefined ? "…" : formatToken(balance, props.locale, "tUSDC")}
        </p>
        <Button variant="secondary" block className="w-full" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </Button>
        {session && (
          <Link
            href="/account"
            className={buttonClass({ variant: "secondary", block: true, className: "w-full" })}
            data-testid="account-link"
          >
            {t("accountLink")}
          </Link>
        )}
        {/* Test money exists only on the local chain; on a real chain this button must never appear. */}
        {isLocalChain(config.chainId) && <FaucetButton />}
        {session && (
          <Button
            variant="secondary"
            block
            className="w-full"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
            data-testid="sign-out"
          >
            {t("signOut")}
          </Button>
        )}
        <Button variant="secondary" block className="w-full" onClick={() => disconnect()}>
          {t("disconnect")}
        </Button>
      </div>
    </details>
  );
}
