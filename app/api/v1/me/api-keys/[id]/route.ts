import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { revokeApiKey } from "@/lib/apikeys/server/keys";

/** Revokes one of the signed-in user's keys at once (its next request gets 401 key_revoked); anyone else's is a 404. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json(await revokeApiKey(caller.userId, (await params).id));
});
