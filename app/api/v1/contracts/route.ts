import { NextResponse } from "next/server";
import { erc20Abi, getAddress } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { handle } from "@/lib/core/server/api-error";
import { checkApiKey } from "@/lib/auth/server/caller";
import { tokenInfo } from "@/lib/chain/server/token-info";

/** Chain id, token (decimals and symbol read from the chain) and escrow, with their ABIs; 503 while the token does not answer. */
export const GET = handle(async (request: Request) => {
  await checkApiKey(request);
  const { available, ...token } = await tokenInfo();
  // Scripts build transactions from these decimals: a stand-in would be worse than no answer.
  if (!available)
    return NextResponse.json(
      { error: "chain_unavailable", message: "The token does not answer right now; see /api/health." },
      { status: 503, headers: { "retry-after": "15" } },
    );
  return NextResponse.json({
    chainId: env.CHAIN_ID,
    token: { address: getAddress(env.TOKEN_ADDRESS), ...token, abi: erc20Abi },
    escrow: env.ESCROW_ADDRESS ? { address: getAddress(env.ESCROW_ADDRESS), abi: idlegridEscrowAbi } : null,
  });
});
