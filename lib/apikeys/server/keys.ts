import "server-only";
/**
 * API keys at rest: created with the secret shown once, stored as its SHA-256, listed by their visible
 * prefix, revoked by their owner or by a ban. `authenticateApiKey` is what every bearer request goes
 * through: one UPDATE finds the key, refuses it when revoked or expired, and counts the request in the
 * key's one-minute window, so the limit holds across app instances without another table.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { env } from "@/env";
import { ApiError } from "@/lib/core/server/api-error";
import { db } from "@/lib/core/server/db";
import { recordIdPattern } from "@/lib/core/fields";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  API_KEY_PREFIX,
  MAX_ACTIVE_KEYS,
  apiKeyScopes,
  isWellFormedApiKey,
  visiblePrefix,
  type ApiKeyScope,
  type ApiKeyView,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from "@/lib/apikeys/schema";

const WINDOW_MS = 60 * 1000;
/** lastUsedAt moves at most once a minute: it tells people whether a key is in use, not a request log. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

const viewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type Row = Prisma.ApiKeyGetPayload<{ select: typeof viewSelect }>;

const isScope = (s: string): s is ApiKeyScope => (apiKeyScopes as readonly string[]).includes(s);

function toView(row: Row): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isScope),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function apiKeyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new key: 8 visible characters, then 32 bytes from the OS CSPRNG. */
function newKey(): string {
  const visible = Array.from({ length: 8 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join("");
  return `${API_KEY_PREFIX}${visible}_${randomBytes(32).toString("base64url")}`;
}

/**
 * Creates a key for `userId`. Whoever calls this has checked the sign-in is recent (requireRecentSignIn);
 * the secret is in the answer and nowhere else.
 */
export async function createApiKey(userId: string, input: CreateApiKeyInput, now = new Date()): Promise<CreatedApiKey> {
  const active = await db.apiKey.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  if (active >= MAX_ACTIVE_KEYS) throw new ApiError(409, "too_many_keys", `You have ${MAX_ACTIVE_KEYS} active keys; revoke one first.`);
  const secret = newKey();
  const row = await db.apiKey.create({
    data: {
      userId,
      name: input.name,
      prefix: visiblePrefix(secret),
      hash: apiKeyHash(secret),
      scopes: input.scopes,
      createdAt: now,
      expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: viewSelect,
  });
  return { ...toView(row), secret };
}

export async function listApiKeys(userId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: viewSelect,
  });
  return rows.map(toView);
}

/** Revokes one of the user's keys; anyone else's key is a 404 like an unknown one. Revoking twice is fine. */
export async function revokeApiKey(userId: string, id: string, now = new Date()): Promise<ApiKeyView> {
  // Not an id this app issues (say with a NUL byte PostgreSQL refuses): no such key, and no query.
  const key = recordIdPattern.test(id) ? await db.apiKey.findUnique({ where: { id }, select: { userId: true } }) : null;
  if (!key || key.userId !== userId) throw new ApiError(404, "not_found", "You have no API key with this id.");
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return toView(await db.apiKey.findUniqueOrThrow({ where: { id }, select: viewSelect }));
}

/** A ban revokes every key of the user, inside the ban's transaction. */
export async function revokeUserApiKeys(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<number> {
  const { count } = await tx.apiKey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

export interface KeyHolder {
  keyId: string;
  userId: string;
  address: string;
  roles: string[];
  scopes: ApiKeyScope[];
}

/** A JS time as a UTC `timestamp(3)`, never a zoned parameter the session time zone could shift. */
const at = (date: Date) => Prisma.sql`${date.toISOString().slice(0, 23)}::timestamp(3)`;

/** Every way a key can fail is a 401 that names it, so a script's author knows what to fix. */
export async function authenticateApiKey(key: string, now = new Date()): Promise<KeyHolder> {
  if (!isWellFormedApiKey(key))
    throw new ApiError(401, "invalid_key", "The Authorization header does not hold an API key this server issues.");
  const hash = apiKeyHash(key);
  const windowFrom = new Date(now.getTime() - WINDOW_MS);
  const staleUse = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const rows = await db.$queryRaw<
    {
      id: string;
      userId: string;
      scopes: string[];
      windowStart: Date;
      windowCount: number;
      address: string;
      roles: string[];
      banned: boolean;
    }[]
  >(Prisma.sql`
    UPDATE "ApiKey" k
       SET "windowCount" = CASE WHEN k."windowStart" <= ${at(windowFrom)} THEN 1 ELSE k."windowCount" + 1 END,
           "windowStart" = CASE WHEN k."windowStart" <= ${at(windowFrom)} THEN ${at(now)} ELSE k."windowStart" END,
           "lastUsedAt" = CASE WHEN k."lastUsedAt" IS NULL OR k."lastUsedAt" <= ${at(staleUse)} THEN ${at(now)} ELSE k."lastUsedAt" END
      FROM "User" u
     WHERE k.hash = ${hash} AND u.id = k."userId" AND k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${at(now)})
 RETURNING k.id, k."userId", k.scopes, k."windowStart", k."windowCount", u.address, u.roles::text[] AS roles, u.banned`);
  const row = rows[0];
  if (!row) {
    const known = await db.apiKey.findUnique({ where: { hash }, select: { revokedAt: true, expiresAt: true } });
    if (known?.revokedAt) throw new ApiError(401, "key_revoked", "This API key was revoked; create a new one under Account, API keys.");
    if (known?.expiresAt)
      throw new ApiError(
        401,
        "key_expired",
        `This API key expired at ${known.expiresAt.toISOString()}; create a new one under Account, API keys.`,
      );
    throw new ApiError(401, "invalid_key", "No API key matches; check for a copy-and-paste slip, or create a new one.");
  }
  // A ban revokes the keys in its transaction; this catches a user banned some other way.
  if (row.banned) throw new ApiError(401, "key_revoked", "This API key belongs to a banned account.");
  if (row.windowCount > env.API_KEY_REQUESTS_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new ApiError(
      429,
      "rate_limited",
      `More than ${env.API_KEY_REQUESTS_PER_MINUTE} requests a minute with this API key; retry in ${retryAfter} s.`,
      undefined,
      {
        "retry-after": String(retryAfter),
      },
    );
  }
  return { keyId: row.id, userId: row.userId, address: row.address, roles: row.roles, scopes: row.scopes.filter(isScope) };
}
