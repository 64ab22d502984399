import { NextResponse } from "next/server";
import { moderateFromStatusChange } from "@/lib/admin/server/moderation";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { listingForResponse, listingId } from "@/lib/listings/server/http";
import { changeStatus } from "@/lib/listings/server/mutations";
import { statusChangeSchema } from "@/lib/listings/schema";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

type Context = { params: Promise<{ id: string }> };

/**
 * Lifecycle transitions: `{ "action": "submit" | "withdraw" | "pause" | "resume" | "archive" }`
 * for the owner; `approve`, `reject` (with `reason`) and `suspend` for admins.
 * A transition the current status does not allow answers 409 `invalid_transition`.
 */
export const POST = handle(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const id = listingId((await params).id);
  const caller = requireCaller(await callerFromRequest(request));
  const change = parseOr400(statusChangeSchema, await readJsonObject(request));
  // Admin transitions go through the console's moderation so they get their audit row (issue 7).
  if (caller.isAdmin && (change.action === "approve" || change.action === "reject" || change.action === "suspend"))
    await moderateFromStatusChange(caller, id, change);
  else await changeStatus(caller, id, change);
  return NextResponse.json(await listingForResponse(id, caller));
});
