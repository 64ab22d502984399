import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { markRead } from "@/lib/notifications/server/read";

/** Marks one of the caller's notifications read; another user's id answers 404 like an unknown one. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { id } = await params;
  const caller = requireCaller(await callerFromRequest(request));
  const item = await markRead(caller.userId, id);
  if (!item) throw new ApiError(404, "not_found", "No notification with this id.");
  return NextResponse.json(item);
});
