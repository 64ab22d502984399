import "server-only";
import { clientEnv, env } from "@/env";
import type { ChainClientConfig } from "@/lib/chain/client-config";
import { isLocalChain } from "@/lib/chain/chains";
import { explorerBaseUrl } from "@/lib/chain/explorer";
import { isProjectTestToken } from "@/lib/chain/server/test-token";
import { tokenInfo } from "@/lib/chain/server/token-info";

export async function chainClientConfig(): Promise<ChainClientConfig> {
  const [faucet, token] = await Promise.all([isProjectTestToken(), tokenInfo()]);
  return {
    chainId: env.CHAIN_ID,
    // RPC_URL is only shared with browsers on the local chain, where it is anvil and holds no key.
    rpcUrl: env.PUBLIC_RPC_URL ?? (isLocalChain(env.CHAIN_ID) ? env.RPC_URL : undefined),
    tokenAddress: env.TOKEN_ADDRESS as `0x${string}`,
    explorerUrl: explorerBaseUrl(env.CHAIN_ID, clientEnv.NEXT_PUBLIC_EXPLORER_URL),
    walletConnectProjectId: clientEnv.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID,
    faucet,
    chainDown: !token.available,
  };
}
