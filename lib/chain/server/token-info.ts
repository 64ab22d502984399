import "server-only";
/** The stablecoin's decimals and symbol, read from the chain once per process (they never change). */
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { publicClient } from "@/lib/chain/server/client";

let cached: Promise<{ decimals: number; symbol: string }> | undefined;

export function tokenInfo(): Promise<{ decimals: number; symbol: string }> {
  const address = getAddress(env.TOKEN_ADDRESS);
  cached ??= Promise.all([
    publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    publicClient.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
  ]).then(([decimals, symbol]) => ({ decimals, symbol }));
  // A failed read must not be remembered.
  cached.catch(() => (cached = undefined));
  return cached;
}
