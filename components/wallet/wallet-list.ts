import type { Connector } from "wagmi";
import { isLocalChain } from "@/lib/chain/chains";
import { DEV_WALLET_TYPE } from "@/dev/dev-wallet";

type Listed = Pick<Connector, "id" | "type">;

/**
 * The entries of the connect dialog, from the connectors wagmi holds, in its order. `windowEthereum`:
 * whether the page has a window.ethereum (a wallet too old to announce itself still sets it).
 */
export function walletEntries<C extends Listed>(connectors: readonly C[], chainId: number, windowEthereum: boolean) {
  // The component guard matches the config guard: no dev wallet entries unless the app runs on the local chain.
  const devWallets = isLocalChain(chainId) ? connectors.filter((c) => c.type === DEV_WALLET_TYPE) : [];
  const others = connectors.filter((c) => c.type !== DEV_WALLET_TYPE);
  // Wallets that announced themselves over EIP-6963 are injected connectors with their own id (the rdns).
  const announced = others.some((c) => c.type === "injected" && c.id !== "injected");
  // The generic window.ethereum entry would duplicate an announced wallet, and without any it cannot connect.
  const showGeneric = windowEthereum && !announced;
  const wallets = others.filter((c) => c.id !== "injected" || showGeneric);
  return { wallets, devWallets, browserWalletFound: announced || windowEthereum };
}
