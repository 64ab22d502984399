import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { makeOffer } from "@/lib/jobs/server/offers";
import { getOfferForViewer, offersForProvider } from "@/lib/jobs/server/queries";
import { offerInputSchema } from "@/lib/jobs/schema";
import { invalidParameters, parseOr400, readJsonObject } from "@/lib/core/server/http";

/** `?mine=1`: the caller's own offers, newest first (offers on one job: GET /api/v1/jobs/{id}/offers). */
export const GET = handle(async (request: Request) => {
  const mine = new URL(request.url).searchParams.get("mine");
  const caller = requireCaller(await callerFromRequest(request));
  if (mine !== "1") throw invalidParameters({ mine: ["must be 1: only your own offers are listed here"] });
  return NextResponse.json({ items: await offersForProvider(caller.userId) });
});

/** A provider offers one of its LIVE machines that meets the job's requirements, at most at the job's maximum price. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(offerInputSchema, await readJsonObject(request));
  const offer = await makeOffer(caller, input);
  return NextResponse.json(await getOfferForViewer(offer.id, caller), { status: 201 });
});
