/**
 * API keys (issue 16): what a key looks like, what it may do, and the shapes the API and the Account
 * page read and write. Pure: the route handlers, the server actions and the tests share it.
 */
import { z } from "zod";
import { isoText } from "@/lib/core/wire";

/**
 * What a key may do. `read` covers every GET; the others each open the writes of one area of the API.
 * `agent` is reserved for a machine agent acting for its owner; no route accepts it yet.
 */
export const apiKeyScopes = ["read", "orders", "listings", "jobs", "agent"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const API_KEY_PREFIX = "igk_";

/**
 * `igk_` + 8 lowercase letters or digits (the visible prefix) + `_` + 32 random bytes as base64url.
 * The fixed lengths let the prefix be cut off without a separator that base64url also uses.
 */
const apiKeyPattern = /^igk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export function isWellFormedApiKey(token: string): boolean {
  return apiKeyPattern.test(token);
}

/** What the key list shows so people can tell keys apart: `igk_` and the 8 characters after it. */
export function visiblePrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 8);
}

/** Creating a key needs a sign-in at most this old, so a session cookie left behind cannot mint lasting keys. */
export const RECENT_SIGN_IN_MS = 15 * 60 * 1000;

/** The most keys one user may hold (revoked keys do not count). */
export const MAX_ACTIVE_KEYS = 25;

export const expiryChoices = [7, 30, 90, 365] as const;

export const createApiKeySchema = z.object({
  // Messages in the shapes lib/i18n/validation.ts re-says in German.
  name: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"),
  scopes: z
    .array(z.enum(apiKeyScopes, { error: `must be one of ${apiKeyScopes.join(", ")}` }))
    .min(1, "is required")
    .transform((s) => [...new Set(s)]),
  /** Days until the key stops working; absent or null: it works until revoked. */
  expiresInDays: z
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(365, "must be at most 365")
    .nullish()
    .transform((d) => d ?? null),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "the start of the key, to tell keys apart", examples: ["igk_k3x9m2qa"] }),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: isoText,
  expiresAt: isoText.nullable().describe("null: works until revoked"),
  lastUsedAt: isoText.nullable().describe("to the minute"),
  revokedAt: isoText.nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export const apiKeyListSchema = z.object({ keys: z.array(apiKeyViewSchema).describe("newest first") });

export const createdApiKeySchema = apiKeyViewSchema.extend({
  secret: z.string().meta({ description: "the key itself: shown this once, only its hash is kept", examples: ["igk_k3x9m2qa_2b7Vq…"] }),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
