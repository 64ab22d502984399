import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/server/auth/caller";
import { assertSameOrigin, handle } from "@/lib/server/http/api-error";
import { invalidParameters, listingForResponse, parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { createListing } from "@/lib/server/listings/mutations";
import { searchListings } from "@/lib/server/listings/search";
import { createListingSchema } from "@/lib/validations/listing";
import { parseSearchParams } from "@/lib/validations/listing-search";

/** Public search: the same filters, sorts and cursor as the marketplace page. */
export const GET = handle(async (request: Request) => {
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
