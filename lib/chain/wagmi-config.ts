import { createConfig, http, injected } from "wagmi";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { chainById } from "@/lib/chain/chains";

export function createWagmiConfig({ chainId, rpcUrl }: ChainClientConfig) {
  const chain = chainById(chainId);
  if (!chain) throw new Error(`Unsupported chain ${chainId}`);
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: http(rpcUrl) },
    // EIP-6963 discovery adds every injected wallet (MetaMask, Rabby, ...) on its own.
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    ssr: true,
  });
}
