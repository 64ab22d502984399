import { NextResponse } from "next/server";
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { isProjectTestToken } from "@/lib/chain/server/test-token";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { faucetRequestSchema, sendFaucet } from "@/dev/faucet";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

/**
 * Local chain with the project's test token only (404 anywhere else, before anything is sent): sends 1
 * test ETH for gas and 1,000 tUSDC. A fork of a real chain reports 31337 too, with real USDC as the token.
 */
export const POST = handle(async (request: Request) => {
  if (!isLocalChain(env.CHAIN_ID)) throw new ApiError(404, "not_found", "There is no faucet on this chain.");
  if (!(await isProjectTestToken()))
    throw new ApiError(404, "not_found", "There is no faucet for this token: TOKEN_ADDRESS is not the project's test token.");
  assertSameOrigin(request);
  const { address } = parseOr400(faucetRequestSchema, await readJsonObject(request));
  return NextResponse.json(await sendFaucet(address as `0x${string}`));
});
