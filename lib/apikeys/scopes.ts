/**
 * Which scope an API key needs for each /api/v1 route, in one table. The caller check
 * (lib/auth/server/caller.ts) enforces it and the OpenAPI document prints it from the same function,
 * so what is documented cannot drift from what is enforced. A route that is not in the table refuses
 * keys: a new area of the API stays session-only until someone decides which scope opens it.
 */
import type { ApiKeyScope } from "@/lib/apikeys/schema";

/** `write: null`: writes there need a browser session. `read: null`: so do reads. */
interface Area {
  prefix: string;
  read?: ApiKeyScope | null;
  write: ApiKeyScope | null;
}

/** Most specific first: the first prefix that matches decides. */
const areas: readonly Area[] = [
  // A key must never mint keys or point the account's events at a new receiver: session only.
  { prefix: "/api/v1/me/api-keys", read: null, write: null },
  { prefix: "/api/v1/me/webhooks", write: null },
  // Saved SSH keys are what a rental hands to the provider.
  { prefix: "/api/v1/me/ssh-keys", write: "orders" },
  { prefix: "/api/v1/me", write: null },
  { prefix: "/api/v1/orders", write: "orders" },
  { prefix: "/api/v1/listings", write: "listings" },
  { prefix: "/api/v1/jobs", write: "jobs" },
  { prefix: "/api/v1/offers", write: "jobs" },
  // Marking a notice read changes nothing anyone else sees.
  { prefix: "/api/v1/notifications", write: "read" },
  { prefix: "/api/v1/contracts", write: null },
  { prefix: "/api/v1/reports", write: null },
];

const readMethods = new Set(["GET", "HEAD"]);

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The scope a key needs for `method` on `path` (a request path or an OpenAPI path template), or null
 * when keys are not accepted there at all.
 */
export function requiredScope(method: string, path: string): ApiKeyScope | null {
  if (!under(path, "/api/v1")) return null;
  const area = areas.find((a) => under(path, a.prefix));
  if (!area) return null;
  if (readMethods.has(method.toUpperCase())) return area.read === undefined ? "read" : area.read;
  return area.write;
}
