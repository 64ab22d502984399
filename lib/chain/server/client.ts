import "server-only";
import { createPublicClient, http, type PublicClient } from "viem";
import { env } from "@/env";
import { chainById } from "@/lib/chain/chains";

const chain = chainById(env.CHAIN_ID);
if (!chain) throw new Error(`CHAIN_ID ${env.CHAIN_ID} is not a supported chain`);

/** The server's view of the chain. RPC_URL may carry an API key, so it never leaves the server. */
export const publicClient: PublicClient = createPublicClient({
  chain,
  transport: http(env.RPC_URL, { retryCount: 1, timeout: 5_000 }),
});

export const appChain = chain;
