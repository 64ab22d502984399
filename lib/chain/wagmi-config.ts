import { createConfig, http, injected } from "wagmi";
import { coinbaseWallet } from "wagmi/connectors/coinbaseWallet";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { chainById, isLocalChain } from "@/lib/chain/chains";
import { devWallet, devWalletAccounts } from "@/lib/chain/dev-wallet";

/**
 * The wallets the connect dialog offers. Wallet code loads late: this config is built only inside the
 * wallet islands (components/providers/web3-provider.tsx), and a connector's SDK only when it is used.
 *
 * - EIP-6963 discovery adds every injected wallet that announces itself (MetaMask, Rabby, Coinbase
 *   Wallet's extension, ...); `injected()` covers an older wallet that only sets window.ethereum.
 * - Coinbase Wallet (@coinbase/wallet-sdk): the connector imports the SDK in getProvider(), that is
 *   when the visitor picks it or when the last session used it; its extension, when installed, has the
 *   same rdns and replaces the announced entry rather than doubling it.
 * - WalletConnect is not offered: every @walletconnect/ethereum-provider that wagmi 3 accepts
 *   (>= 2.21.1) depends on @reown/appkit, which runs a postinstall script, adds ~280 packages, and
 *   fetches its wallet list, images and remote config from Reown's servers at run time.
 *   NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID stays reserved for it.
 * - The dev wallet's keys are public: it exists only for the local chain (devWallet() also refuses).
 */
export function createWagmiConfig({ chainId, rpcUrl }: ChainClientConfig) {
  const chain = chainById(chainId);
  if (!chain) throw new Error(`Unsupported chain ${chainId}`);
  const devConnectors = isLocalChain(chain.id)
    ? devWalletAccounts.map((a) => devWallet({ accountIndex: a.index, chainId: chain.id, rpcUrl }))
    : [];
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: http(rpcUrl) },
    connectors: [injected(), coinbaseWallet({ appName: "Idlegrid" }), ...devConnectors],
    multiInjectedProviderDiscovery: true,
    ssr: true,
  });
}
