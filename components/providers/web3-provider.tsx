"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { WagmiContext, WagmiProvider } from "wagmi";
import { useChainClientConfig } from "@/components/providers/chain-config";
import { getQueryClient, getWagmiConfig } from "@/components/providers/wallet-clients";

/**
 * Wallet code (wagmi, viem, react-query) is not in the root layout: pages that do not use a wallet at
 * once (the marketplace, the landing page) load none of it before they are interactive. Instead:
 *
 * - the header's wallet button is loaded after hydration (components/wallet/wallet-slot.tsx) inside
 *   <Web3Provider>, the one provider that hydrates the shared config: it restores the stored state,
 *   adds the EIP-6963 wallets and reconnects the last wallet. The header is on every page, so this
 *   happens exactly once per tab;
 * - every other client component that calls a wagmi or react-query hook is wrapped where it is used in
 *   <WalletIsland>, which shares the same config and QueryClient (module singletons) without hydrating
 *   again, so a second island cannot restart the reconnect or flicker the header.
 *
 * A wagmi hook outside both throws "`useConfig` must be used within `WagmiProvider`": wrap that leaf.
 */
export function Web3Provider({ children }: { children: ReactNode }) {
  const config = getWagmiConfig(useChainClientConfig());
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}

/** Gives a wallet-using leaf the tab's shared wagmi config and QueryClient (see above). */
export function WalletIsland({ children }: { children: ReactNode }) {
  const config = getWagmiConfig(useChainClientConfig());
  return (
    <WagmiContext value={config}>
      <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>
    </WagmiContext>
  );
}

/**
 * Makes a wallet-using leaf self-contained: `export const Panel = withWalletIsland(PanelLeaf)`, so every
 * page that renders it gets the shared wallet context without knowing it needs one.
 */
export function withWalletIsland<P extends object>(Leaf: ComponentType<P>): ComponentType<P> {
  function InWalletIsland(props: P) {
    return (
      <WalletIsland>
        <Leaf {...props} />
      </WalletIsland>
    );
  }
  InWalletIsland.displayName = `withWalletIsland(${Leaf.displayName ?? Leaf.name})`;
  return InWalletIsland;
}
