"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";

export function Web3Provider({ config, children }: { config: ChainClientConfig; children: ReactNode }) {
  // Created once per browser tab; recreating them would drop the wallet connection and the query cache.
  const [wagmiConfig] = useState(() => createWagmiConfig(config));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000 } } }));
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
