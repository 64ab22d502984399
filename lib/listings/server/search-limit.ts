import "server-only";
/**
 * The per-client limit of the public search API (SEARCH_REQUESTS_PER_MINUTE): anyone may search, so one
 * client must not be able to keep the database busy for everyone. The marketplace page is rendered by
 * the server and not limited here; the API is what scripts hammer.
 */
import { env } from "@/env";
import { createRateLimiter } from "@/lib/core/server/rate-limit";

export const searchLimiter = createRateLimiter({ max: env.SEARCH_REQUESTS_PER_MINUTE, windowMs: 60_000, what: "searches" });
