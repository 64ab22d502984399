/**
 * Block-explorer links for the configured chain. A deployment may name its own explorer
 * (NEXT_PUBLIC_EXPLORER_URL, e.g. a self-hosted Blockscout); otherwise viem's chain object knows the
 * default one (Basescan, Etherscan). The local anvil has none: callers then show the bare hash.
 */
import { chainById } from "@/lib/chain/chains";

/** The explorer's base URL without a trailing slash, or undefined when the chain has none. */
export function explorerBaseUrl(chainId: number, override?: string): string | undefined {
  const url = override ?? chainById(chainId)?.blockExplorers?.default.url;
  return url?.replace(/\/+$/, "");
}

/** The page of one transaction on the explorer, or undefined when there is no explorer. */
export function explorerTxUrl(baseUrl: string | undefined, hash: string): string | undefined {
  return baseUrl ? `${baseUrl}/tx/${hash}` : undefined;
}
