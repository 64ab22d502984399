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
    // Not included: wagmi's coinbaseWallet() and walletConnect() connectors need the optional peer packages
    // @coinbase/wallet-sdk and @walletconnect/ethereum-provider, which are not installed (heavy, and they pull
    // remote assets at run time). Coinbase Wallet's browser extension still appears here through EIP-6963.
    connectors: [injected(), ...devConnectors],
    multiInjectedProviderDiscovery: true,
    ssr: true,
  });
}
