import "server-only";
/**
 * The stablecoin's decimals and symbol, read from the chain once per process (they never change). Every
 * page that shows token amounts reads them here, so this must not fail a page: when the token does not
 * answer (no contract at TOKEN_ADDRESS, an RPC that is down or hangs), it returns TOKEN_UNAVAILABLE, the
 * amounts show exactly in the token's smallest units, the root layout says the chain cannot be reached,
 * and wallet actions refuse to start (chain client config `tokenAvailable`). /api/health names the part
 * that is down.
 */
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { publicClient } from "@/lib/chain/server/client";

export interface TokenInfo {
  decimals: number;
  symbol: string;
  /** false: the chain did not answer, and decimals/symbol are TOKEN_UNAVAILABLE's stand-ins. */
  available: boolean;
}

/** Exact amounts in base units (decimals 0) with no symbol to mislead; the layout's notice says why. */
export const TOKEN_UNAVAILABLE: TokenInfo = { decimals: 0, symbol: "", available: false };

/** A page waits this long for the chain at most; the read goes on and fills the cache if it succeeds. */
const PAGE_WAIT_MS = 2_500;
/** After a failure, pages use the stand-in for this long instead of each waiting on the chain again. */
const FAILURE_MEMORY_MS = 15_000;

let known: TokenInfo | undefined;
let failedUntil = 0;
let inFlight: Promise<TokenInfo> | undefined;

function read(): Promise<TokenInfo> {
  const address = getAddress(env.TOKEN_ADDRESS);
  return Promise.all([
    publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    publicClient.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
  ]).then(
    ([decimals, symbol]) => (known = { decimals, symbol, available: true }),
    (error: unknown) => {
      failedUntil = Date.now() + FAILURE_MEMORY_MS;
      console.warn(
        `token ${env.TOKEN_ADDRESS} did not answer decimals()/symbol(): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
      return TOKEN_UNAVAILABLE;
    },
  );
}

/** Never throws: the token's decimals and symbol, or TOKEN_UNAVAILABLE while the chain does not answer. */
export async function tokenInfo(): Promise<TokenInfo> {
  if (known) return known;
  if (Date.now() < failedUntil) return TOKEN_UNAVAILABLE;
  const reading = (inFlight ??= read().finally(() => (inFlight = undefined)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<TokenInfo>((resolve) => {
    timer = setTimeout(() => resolve(TOKEN_UNAVAILABLE), PAGE_WAIT_MS);
  });
  try {
    return await Promise.race([reading, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
