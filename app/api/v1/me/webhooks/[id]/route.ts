import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { deleteWebhookEndpoint } from "@/lib/webhooks/server/endpoints";

/** Deletes one of the signed-in user's endpoints with its pending deliveries; anyone else's is a 404. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  await deleteWebhookEndpoint(caller.userId, (await params).id);
  return NextResponse.json({ deleted: true });
});
