"use client";

import { useEffect, useState, type ComponentType } from "react";
import { ReconnectingAccount } from "@/components/wallet/account-chip";
import { Button } from "@/components/ui/button";
import type { WalletButtonProps } from "@/components/wallet/wallet-button";

type Loaded = { status: "loading" } | { status: "failed" } | { status: "ready"; Wallet: ComponentType<WalletButtonProps> };

const load = () => import("@/components/wallet/header-wallet");

/**
 * The header's wallet area on first load: a placeholder the size of the "Connect wallet" button (or,
 * for a signed-in visitor, the account chip as the server knows it),
 * swapped after hydration for the real wallet island (wagmi, viem, react-query, the connect dialog),
 * which therefore is no part of any page's first-load JavaScript. Reconnecting a wallet used before
 * starts when the island arrives, as it did after hydration when the provider was in the layout.
 */
export function WalletSlot(props: WalletButtonProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    if (loaded.status !== "loading") return;
    let live = true;
    load().then(
      (mod) => live && setLoaded({ status: "ready", Wallet: mod.default }),
      (error: unknown) => {
        // A chunk that failed to download (offline, a deploy in between): offer to try again.
        console.error("The wallet could not be loaded", error);
        if (live) setLoaded({ status: "failed" });
      },
    );
    return () => {
      live = false;
    };
  }, [loaded.status]);

  if (loaded.status === "ready") return <loaded.Wallet {...props} />;
  if (props.session && loaded.status === "loading") return <ReconnectingAccount session={props.session} messages={props.messages} />;
  const label = props.messages.connect;
  // The real button's look and text; disabled, but not dimmed (aria-busy), while the island loads.
  return (
    <Button
      disabled={loaded.status === "loading"}
      aria-busy={loaded.status === "loading"}
      onClick={() => setLoaded({ status: "loading" })}
      data-testid="wallet-placeholder"
    >
      {label}
    </Button>
  );
}
