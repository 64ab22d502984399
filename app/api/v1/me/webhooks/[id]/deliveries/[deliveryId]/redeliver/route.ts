import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { redeliver } from "@/lib/webhooks/server/endpoints";

/** Sends the delivery again now (same webhook-id, fresh timestamp and signature) and answers with its log. Session only. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string; deliveryId: string }> }) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const { id, deliveryId } = await params;
  return NextResponse.json(await redeliver(caller.userId, id, deliveryId));
});
