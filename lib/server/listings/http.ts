import "server-only";
/** Request plumbing shared by the v1 listing route handlers. */
import type { z } from "zod";
import type { Caller } from "@/lib/server/auth/caller";
import { ApiError } from "@/lib/server/http/api-error";
import { getListingForViewer, listingIdPattern, publicView, type ViewedListing } from "@/lib/server/listings/queries";
import { fieldErrorsOf } from "@/lib/validations/listing";

export function invalidParameters(fieldErrors: Record<string, string[]>): ApiError {
  return new ApiError(400, "invalid_parameter", `Invalid parameters: ${Object.keys(fieldErrors).join(", ")}`, fieldErrors);
}

/** Parses with `schema` or throws 400 naming every offending field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidParameters(fieldErrorsOf(result.error));
  return result.data;
}

/** The JSON object body of a request; anything else is a 400 naming `body`. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw invalidParameters({ body: ["must be a JSON object"] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidParameters({ body: ["must be a JSON object"] });
  return body as Record<string, unknown>;
}

/** A listing id from the route; malformed ids cannot exist, so they get the same 404 as unknown ones. */
export function listingId(id: string): string {
  if (!listingIdPattern.test(id)) throw new ApiError(404, "not_found", "No listing with this id.");
  return id;
}

/** What the caller may see of a listing: everything for its owner and admins, the public view for others. */
export async function listingForResponse(id: string, caller: Caller | null) {
  const listing = await getListingForViewer(id, caller);
  if (!listing) throw new ApiError(404, "not_found", "No listing with this id.");
  return shape(listing, caller);
}

export function shape(listing: ViewedListing, caller: Pick<Caller, "isAdmin"> | null) {
  if (listing.viewerIsOwner || caller?.isAdmin) {
    const { viewerIsOwner, providerId, ...full } = listing;
    void [viewerIsOwner, providerId];
    return full;
  }
  return publicView(listing);
}
