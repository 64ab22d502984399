import "server-only";
/** Request plumbing shared by the v1 listing route handlers. */
import type { Caller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import type { ListingDetail } from "@/lib/listings/listing-dto";
import { getListingForViewer, listingIdPattern, publicView, type ViewedListing } from "@/lib/listings/server/queries";

/** A listing id from the route; malformed ids cannot exist, so they get the same 404 as unknown ones. */
export function listingId(id: string): string {
  if (!listingIdPattern.test(id)) throw new ApiError(404, "not_found", "No listing with this id.");
  return id;
}

/** What the caller may see of a listing: everything for its owner and admins, the public view for others. */
export async function listingForResponse(id: string, caller: Caller | null): Promise<ListingDetail> {
  const listing = await getListingForViewer(id, caller);
  if (!listing) throw new ApiError(404, "not_found", "No listing with this id.");
  return shape(listing, caller);
}

export function shape(listing: ViewedListing, caller: Pick<Caller, "isAdmin"> | null): ListingDetail {
  if (listing.viewerIsOwner || caller?.isAdmin) {
    const { viewerIsOwner, providerId, ...full } = listing;
    void [viewerIsOwner, providerId];
    return full;
  }
  return publicView(listing);
}
