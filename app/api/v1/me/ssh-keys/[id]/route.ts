import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { deleteSshKey } from "@/lib/account/server/ssh-keys";

/** Deletes one of the signed-in user's saved keys; anyone else's key is a 404. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  await deleteSshKey(caller.userId, (await params).id);
  return NextResponse.json({ deleted: true });
});
