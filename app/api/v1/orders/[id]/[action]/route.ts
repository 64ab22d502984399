import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { orderForCaller } from "@/lib/orders/server/http";
import { transitionOrder } from "@/lib/orders/server/transitions";
import { extendOrderSchema, orderActions, startOrderSchema, transitionSchema, type OrderAction } from "@/lib/orders/schema";
import { parseOr400, readOptionalJsonObject } from "@/lib/core/server/http";

/**
 * start | complete | release | refund | dispute | cancel | stop | extend | claim | settle. Returns the
 * order and the escrow call to sign (`transaction`, or null) with every transaction to send in order
 * (`transactions`: extend's approve and extend); the status changes when the indexer sees the event
 * on chain (cancel is off-chain and immediate). See lib/orders/server/transitions.ts for who may do what.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  assertSameOrigin(request);
  const { id, action } = await params;
  if (!(orderActions as readonly string[]).includes(action)) throw new ApiError(404, "not_found", `No order action "${action}".`);
  const body = await readOptionalJsonObject(request);
  const input =
    action === "start"
      ? parseOr400(startOrderSchema, body)
      : action === "extend"
        ? parseOr400(extendOrderSchema, body)
        : parseOr400(transitionSchema, body);
  const caller = requireCaller(await callerFromRequest(request));
  const { transaction, transactions, permit } = await transitionOrder(caller, id, action as OrderAction, input);
  return NextResponse.json({
    order: await orderForCaller(id, caller),
    transaction,
    transactions,
    ...(action === "extend" ? { permit: permit ?? null } : {}),
  });
});
