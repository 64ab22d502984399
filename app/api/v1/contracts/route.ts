import { NextResponse } from "next/server";
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { handle } from "@/lib/core/server/api-error";
import { checkApiKey } from "@/lib/auth/server/caller";
import { tokenInfo } from "@/lib/chain/server/token-info";

/** Chain id, token (decimals and symbol read from the chain) and escrow, with their ABIs. */
export const GET = handle(async (request: Request) => {
  await checkApiKey(request);
  const token = await tokenInfo();
  return NextResponse.json({
    chainId: env.CHAIN_ID,
    token: { address: getAddress(env.TOKEN_ADDRESS), ...token, abi: erc20Abi },
    escrow: env.ESCROW_ADDRESS ? { address: getAddress(env.ESCROW_ADDRESS), abi: idlegridEscrowAbi } : null,
  });
});
