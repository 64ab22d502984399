import { createConfig, http, injected } from "wagmi";
import { coinbaseWallet } from "wagmi/connectors/coinbaseWallet";
import { walletConnect } from "wagmi/connectors/walletConnect";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { chainById, isLocalChain } from "@/lib/chain/chains";
import { devWallet, devWalletAccounts } from "@/dev/dev-wallet";

/**
 * The wallets the connect dialog offers. Wallet code loads late: this config is built only inside the
 * wallet islands (components/providers/web3-provider.tsx), and a connector's SDK only when it is used.
 *
 * - EIP-6963 discovery adds every injected wallet that announces itself (MetaMask, Rabby, Coinbase
 *   Wallet's extension, ...); `injected()` covers an older wallet that only sets window.ethereum.
 * - Coinbase Wallet (@coinbase/wallet-sdk): the connector imports the SDK in getProvider(), that is
 *   when the visitor picks it or when the last session used it; its extension, when installed, has the
 *   same rdns and replaces the announced entry rather than doubling it.
 * - WalletConnect, only when NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID is set: it needs Reown's relay and
 *   its QR modal fetches the wallet list from Reown, so without a project id (and offline) it is left
 *   out rather than shown broken. The connector imports @walletconnect/ethereum-provider (and with it
 *   @reown/appkit) in getProvider(), so none of it is in a page's first load. @reown/appkit's
 *   postinstall only checks version alignment; npm's unapproved install scripts are not needed.
 * - The dev wallet's keys are public: it exists only for the local chain (devWallet() also refuses).
 */
export function createWagmiConfig({ chainId, rpcUrl, walletConnectProjectId }: ChainClientConfig) {
  const chain = chainById(chainId);
  if (!chain) throw new Error(`Unsupported chain ${chainId}`);
  const devConnectors = isLocalChain(chain.id)
    ? devWalletAccounts.map((a) => devWallet({ accountIndex: a.index, chainId: chain.id, rpcUrl }))
    : [];
  return createConfig({
    chains: [chain],
    transports: { [chain.id]: http(rpcUrl) },
    connectors: [
      injected(),
      coinbaseWallet({ appName: "Idlegrid" }),
      ...(walletConnectProjectId ? [walletConnect({ projectId: walletConnectProjectId, showQrModal: true })] : []),
      ...devConnectors,
    ],
    multiInjectedProviderDiscovery: true,
    ssr: true,
  });
}
