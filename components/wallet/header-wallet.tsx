"use client";

import { Web3Provider } from "@/components/providers/web3-provider";
import { WalletButton, type WalletButtonProps } from "@/components/wallet/wallet-button";

/** The header's wallet island: loaded after hydration by wallet-slot.tsx, never part of a page's first load. */
export default function HeaderWallet(props: WalletButtonProps) {
  return (
    <Web3Provider>
      <WalletButton {...props} />
    </Web3Provider>
  );
}
