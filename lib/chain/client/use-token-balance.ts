"use client";

import { useReadContract } from "wagmi";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";

/** The stablecoin balance of an address in base units (any ERC-20's balanceOf has TestUSDC's signature). */
export function useTokenBalance(token: `0x${string}`, owner: `0x${string}` | undefined) {
  return useReadContract({
    address: token,
    abi: testUsdcAbi,
    functionName: "balanceOf",
    args: owner ? [owner] : undefined,
    query: { enabled: !!owner, refetchInterval: 15_000 },
  });
}
