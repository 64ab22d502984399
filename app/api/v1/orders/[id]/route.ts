import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/server/auth/caller";
import { handle } from "@/lib/server/http/api-error";
import { orderForCaller } from "@/lib/server/orders/http";

/** Status, terms and the escrow events seen on chain, for the buyer, the provider and admins. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json(await orderForCaller(id, caller));
});
