import { walletSecondary } from "@/components/wallet/button-styles";
import type { SessionInfo } from "@/lib/auth/client/use-session";
import type { Messages } from "@/lib/i18n/messages/en";

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

const roleStyles = {
  signedIn: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200",
  notSignedIn: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

/**
 * What the header shows for a connected account: short address, token balance, sign-in state. The
 * account menu's summary and the placeholder shown while a signed-in visitor's wallet reconnects
 * both render it, so the header keeps its shape from the first paint. The balance shows only on wide
 * screens (the menu repeats it), keeping the header on one row at 1280 px.
 */
export function AccountChipContent(props: { address: string; balance: string; role: string; signedIn: boolean }) {
  return (
    <>
      <span className="font-mono" data-testid="wallet-address" title={props.address}>
        {shortAddress(props.address)}
      </span>
      <span className="hidden text-slate-500 2xl:inline" data-testid="wallet-balance">
        {props.balance}
      </span>
      <span data-testid="wallet-role" className={`rounded px-1.5 py-0.5 text-xs ${roleStyles[props.signedIn ? "signedIn" : "notSignedIn"]}`}>
        {props.role}
      </span>
    </>
  );
}

export const accountChipClass = `${walletSecondary} flex items-center gap-2`;

/**
 * A signed-in visitor's header until the wallet has reconnected (on first load, before the wallet
 * island arrives, and while it reconnects): the chip with what the server knows from the session
 * cookie, address and role, rather than a "Connect wallet" button that becomes the chip a moment later.
 */
export function ReconnectingAccount({ session, messages }: { session: SessionInfo; messages: Messages["wallet"] }) {
  return (
    <span className={accountChipClass} aria-busy="true" data-testid="wallet-reconnecting">
      <AccountChipContent address={session.address} balance="…" role={session.isAdmin ? messages.admin : messages.signedIn} signedIn />
    </span>
  );
}
