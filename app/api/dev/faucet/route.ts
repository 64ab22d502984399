import { NextResponse } from "next/server";
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { faucetRequestSchema, sendFaucet } from "@/dev/faucet";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

/** Local chain only (404 anywhere else): sends 1 test ETH for gas and 1,000 tUSDC. */
export const POST = handle(async (request: Request) => {
  if (!isLocalChain(env.CHAIN_ID)) throw new ApiError(404, "not_found", "There is no faucet on this chain.");
  assertSameOrigin(request);
  const { address } = parseOr400(faucetRequestSchema, await readJsonObject(request));
  return NextResponse.json(await sendFaucet(address as `0x${string}`));
});
