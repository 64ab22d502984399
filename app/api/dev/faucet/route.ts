import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { sendFaucet } from "@/dev/faucet";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

const faucetSchema = z.object({ address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address") });

/** Local chain only (404 anywhere else): sends 1 test ETH for gas and 1,000 tUSDC. */
export const POST = handle(async (request: Request) => {
  if (!isLocalChain(env.CHAIN_ID)) throw new ApiError(404, "not_found", "There is no faucet on this chain.");
  assertSameOrigin(request);
  const { address } = parseOr400(faucetSchema, await readJsonObject(request));
  return NextResponse.json(await sendFaucet(address as `0x${string}`));
});
