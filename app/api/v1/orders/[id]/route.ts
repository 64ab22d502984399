import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { handle } from "@/lib/core/server/api-error";
import { orderForCaller } from "@/lib/orders/server/http";

/** Status, terms and the escrow events seen on chain, for the buyer, the provider and admins. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json(await orderForCaller(id, caller));
});
