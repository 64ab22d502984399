import { createConfig, http, injected } from "wagmi";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { chainById, isLocalChain } from "@/lib/chain/chains";
import { devWallet, devWalletAccounts } from "@/lib/chain/dev-wallet";

export function createWagmiConfig({ chainId, rpcUrl }: ChainClientConfig) {
  const chain = chainById(chainId);
  if (!chain) throw new Error(`Unsupported chain ${chainId}`);
  // The dev wallet's keys are public: it is only ever created for the local chain (devWallet() also refuses).
  const devConnectors = isLocalChain(chain.id)
    ? devWalletAccounts.map((a) => devWallet({ accountIndex: a.index, chainId: chain.id, rpcUrl }))
    : [];
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: http(rpcUrl) },
    // EIP-6963 discovery adds every injected wallet (MetaMask, Rabby, Coinbase Wallet's extension, ...) on its own.
    // The Coinbase Wallet SDK and WalletConnect connectors are not included: see README, "Wallets".
    connectors: [injected(), ...devConnectors],
    multiInjectedProviderDiscovery: true,
    ssr: true,
  });
}
