import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { acceptOffer, withdrawOffer } from "@/lib/jobs/server/offers";
import { orderForCaller } from "@/lib/orders/server/http";
import { offerActions } from "@/lib/jobs/schema";

/**
 * withdraw (the provider, while pending) | accept (the buyer): accepting answers with the new order,
 * including the escrow transactions the buyer signs to fund it, exactly as for a rental.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  assertSameOrigin(request);
  const { id, action } = await params;
  if (!(offerActions as readonly string[]).includes(action)) throw new ApiError(404, "not_found", `No offer action "${action}".`);
  const caller = requireCaller(await callerFromRequest(request));
  if (action === "withdraw") {
    const offer = await withdrawOffer(caller, id);
    return NextResponse.json({ id: offer.id, status: offer.status });
  }
  const { jobId, orderId } = await acceptOffer(caller, id);
  return NextResponse.json({ jobId, orderId, order: await orderForCaller(orderId, caller) });
});
