/**
 * What the browser needs to know about the chain, sent from the server as props
 * so one production build can serve any chain without rebuilding.
 */
export interface ChainClientConfig {
  chainId: number;
  /** RPC for the browser: PUBLIC_RPC_URL, the local anvil URL, or undefined to use the chain's public default. */
  rpcUrl: string | undefined;
  tokenAddress: `0x${string}`;
  /** Base URL of the block explorer for transaction links; undefined on the local chain (hashes are shown bare). */
  explorerUrl?: string;
  /** WalletConnect Cloud project id (NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID); WalletConnect is offered only with one. */
  walletConnectProjectId?: string;
  /** The dev faucet exists: the local chain with the project's TestUSDC as the token (lib/chain/server/test-token.ts); absent means no. */
  faucet?: boolean;
  /** The token did not answer when the page was rendered (lib/chain/server/token-info.ts): wallet actions refuse to start. */
  chainDown?: boolean;
}
