import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { createOrder } from "@/lib/orders/server/create";
import { orderForCaller } from "@/lib/orders/server/http";
import { permitAlternative } from "@/lib/orders/server/permit";
import { createOrderSchema } from "@/lib/orders/schema";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

/**
 * Creates an order (PENDING_PAYMENT) for the signed-in buyer. The amount is computed here from the
 * listing; the response carries the exact transactions to sign (approve, then open) and, when the
 * token has EIP-2612, `permit`: typed data to sign and the single openWithPermit call. The order is
 * FUNDED only once the indexer has read the matching EscrowOpened from the chain.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const input = parseOr400(createOrderSchema, await readJsonObject(request));
  const caller = requireCaller(await callerFromRequest(request));
  const id = await createOrder(caller, input);
  const order = await orderForCaller(id, caller);
  // The permit is optional: a token without one, or an RPC hiccup, leaves approve + open.
  const permit = await permitAlternative(order).catch(() => null);
  return NextResponse.json({ ...order, permit }, { status: 201 });
});
