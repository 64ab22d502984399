"use client";

import { useState } from "react";
import { useConnection } from "wagmi";
import { showToast } from "@/components/toast/toast-store";
import { withWalletIsland } from "@/components/providers/web3-provider";
import { useChainClientConfig } from "@/components/providers/chain-config";
import { useTxTranslator } from "@/components/toast/tx-messages";
import { Button } from "@/components/ui/button";

/**
 * 1 test ETH and 1,000 tUSDC for the connected wallet. Shown only where the faucet exists: the local chain
 * with the project's test token (the server decides, lib/chain/server/test-token.ts), never on a fork of a
 * real chain whose token is real USDC.
 */
function FaucetButtonLeaf() {
  const { address } = useConnection();
  const { faucet } = useChainClientConfig();
  const t = useTxTranslator();
  const [state, setState] = useState<"idle" | "sending" | "done" | "error">("idle");
  if (!address || !faucet) return null;
  return (
    <div className="text-sm">
      <Button
        variant="secondary"
        disabled={state === "sending"}
        data-testid="faucet-button"
        onClick={async () => {
          setState("sending");
          const res = await fetch("/api/dev/faucet", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ address }),
          }).catch(() => null);
          setState(res?.ok ? "done" : "error");
          // The server sends and waits for both transactions, so the toast starts at "confirmed".
          const body = res?.ok ? ((await res.json().catch(() => null)) as { transactions?: string[] } | null) : null;
          showToast(
            res?.ok
              ? { tone: "success", phase: "confirmed", title: t("faucetSent"), hash: body?.transactions?.at(-1) }
              : { tone: "error", phase: "failed", title: t("faucetFailed"), body: t("faucetFailedHint") },
          );
        }}
      >
        {state === "sending" ? t("faucetSending") : t("faucet")}
      </Button>
      {state === "done" && <span className="ml-2 text-green-700">{t("faucetSent")}.</span>}
      {state === "error" && (
        <span role="alert" className="ml-2 text-red-600">
          {t("faucetFailedInline")}
        </span>
      )}
    </div>
  );
}

/** Carries the tab's shared wallet context with it (components/providers/web3-provider.tsx). */
export const FaucetButton = withWalletIsland(FaucetButtonLeaf);
