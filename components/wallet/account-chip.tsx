import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { SessionInfo } from "@/lib/auth/client/use-session";
import type { Messages } from "@/lib/i18n/messages/en";

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

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
      <Badge tone={props.signedIn ? "success" : "neutral"} data-testid="wallet-role">
        {props.role}
      </Badge>
    </>
  );
}

/** A secondary button's look, as a box of its own (the menu's <summary>, or a plain <span> while reconnecting). */
export const accountChipClass = buttonClass({ variant: "secondary", block: true });

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
