import { NextResponse } from "next/server";
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { publicClient } from "@/lib/server/chain";
import { handle } from "@/lib/server/http/api-error";

/** Read once per process: a token's decimals and symbol never change. */
let tokenInfo: Promise<{ decimals: number; symbol: string }> | undefined;

function readTokenInfo() {
  const address = getAddress(env.TOKEN_ADDRESS);
  tokenInfo ??= Promise.all([
    publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    publicClient.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
  ]).then(([decimals, symbol]) => ({ decimals, symbol }));
  // A failed read must not be cached forever.
  tokenInfo.catch(() => (tokenInfo = undefined));
  return tokenInfo;
}

/** Chain id, token (decimals and symbol read from the chain) and escrow, with their ABIs. */
export const GET = handle(async () => {
  const token = await readTokenInfo();
  return NextResponse.json({
    chainId: env.CHAIN_ID,
    token: { address: getAddress(env.TOKEN_ADDRESS), ...token, abi: erc20Abi },
    escrow: env.ESCROW_ADDRESS ? { address: getAddress(env.ESCROW_ADDRESS), abi: idlegridEscrowAbi } : null,
  });
});
