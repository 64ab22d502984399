import { adminFrom } from "@/lib/admin/server/http";
import { moderateListings, moderationQueue } from "@/lib/admin/server/moderation";
import { handle } from "@/lib/core/server/api-error";
import { moderationSchema } from "@/lib/admin/schema";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";

/** The review queue, oldest first, with the market median per GPU model and changes since the last approval. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json({ items: await moderationQueue() });
});

/**
 * `{ action: "approve" | "reject" | "suspend" | "reinstate", ids: [...], reason }` (reason required to reject
 * or suspend). All listings change, each with its audit row, or none do: 404 for an unknown id, 409 for one
 * whose status does not allow the action.
 */
export const POST = handle(async (request: Request) => {
  const admin = await adminFrom(request, { mutating: true });
  const input = parseOr400(moderationSchema, await readJsonObject(request));
  const listings = await moderateListings(admin, input);
  return json({ items: listings.map((l) => ({ id: l.id, status: l.status })) });
});
