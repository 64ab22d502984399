import { QueryClient } from "@tanstack/react-query";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";

/**
 * One wagmi config and one QueryClient per browser tab, shared by every wallet island (the header's
 * and each wallet-using leaf's): connection state, balances and the session live in them, so two
 * islands on one page always agree. On the server each render gets fresh ones, because a module
 * singleton there would be shared by every request.
 */
const isServer = typeof window === "undefined";

type WagmiConfig = ReturnType<typeof createWagmiConfig>;

let browserWagmi: { chainId: number; config: WagmiConfig } | undefined;
let browserQueries: QueryClient | undefined;

export function getWagmiConfig(chain: ChainClientConfig): WagmiConfig {
  if (isServer) return createWagmiConfig(chain);
  if (browserWagmi && browserWagmi.chainId !== chain.chainId) {
    throw new Error(`One tab runs against one chain: ${browserWagmi.chainId}, not ${chain.chainId}`);
  }
  browserWagmi ??= { chainId: chain.chainId, config: createWagmiConfig(chain) };
  return browserWagmi.config;
}

export function getQueryClient(): QueryClient {
  const create = () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000 } } });
  if (isServer) return create();
  return (browserQueries ??= create());
}
