import { NextResponse } from "next/server";
import { callerFromRequest, checkApiKey, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { listingForResponse } from "@/lib/listings/server/http";
import { createListing } from "@/lib/listings/server/mutations";
import { searchListings } from "@/lib/listings/server/search";
import { searchLimiter } from "@/lib/listings/server/search-limit";
import { clientKey } from "@/lib/core/server/client-address";
import { createListingSchema } from "@/lib/listings/schema";
import { parseSearchParams } from "@/lib/listings/search-schema";
import { invalidParameters, parseOr400, readJsonObject } from "@/lib/core/server/http";

/** Public search: the same filters, sorts and cursor as the marketplace page. */
export const GET = handle(async (request: Request) => {
  searchLimiter.take(clientKey(request));
  await checkApiKey(request);
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw invalidParameters(parsed.fieldErrors);
  const result = await searchListings(parsed.query);
  return NextResponse.json(result);
});

/** Creates a draft (or, with `"submit": true`, submits it for review at once) for the signed-in provider. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const { submit, ...fields } = await readJsonObject(request);
  if (submit !== undefined && typeof submit !== "boolean") throw invalidParameters({ submit: ["must be true or false"] });
  const input = parseOr400(createListingSchema, fields);
  const machine = await createListing(caller, input, { submit: submit === true });
  return NextResponse.json(await listingForResponse(machine.id, caller), { status: 201 });
});
