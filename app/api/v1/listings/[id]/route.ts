import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { listingForResponse, listingId } from "@/lib/listings/server/http";
import { updateListing } from "@/lib/listings/server/mutations";
import { updateListingSchema } from "@/lib/listings/schema";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

type Context = { params: Promise<{ id: string }> };

/** A live listing for anyone; drafts, reviews and the rest only for the owner and admins (404 otherwise). */
export const GET = handle(async (request: Request, { params }: Context) => {
  const id = listingId((await params).id);
  return NextResponse.json(await listingForResponse(id, await callerFromRequest(request)));
});

/** Owner edits. Hardware, price or description changes of a live or paused listing send it back to review (`sentToReview`). */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const id = listingId((await params).id);
  const caller = requireCaller(await callerFromRequest(request));
  const patch = parseOr400(updateListingSchema, await readJsonObject(request));
  const { sentToReview } = await updateListing(caller, id, patch);
  return NextResponse.json({ listing: await listingForResponse(id, caller), sentToReview });
});
