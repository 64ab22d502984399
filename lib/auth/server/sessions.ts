import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/env";
import { db } from "@/lib/core/server/db";

/** Loopback hosts are served over plain http in tests, where a Secure cookie would never be sent back. */
function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Secure in production unless the app itself runs on a loopback address (the browser tests' next start). */
const secureCookie = env.NODE_ENV === "production" && !isLoopback(new URL(env.APP_URL).hostname);

/**
 * `__Host-` whenever the cookie is Secure: browsers then accept it only with Secure, Path=/ and no Domain,
 * so neither a sibling subdomain nor a plain-http response can set or shadow the session.
 */
export const SESSION_COOKIE = secureCookie ? "__Host-idlegrid_session" : "idlegrid_session";

/** Fixed lifetime from sign-in; a session is never extended, the user signs in again. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The database keeps only a hash of the cookie token, so its rows cannot be replayed as cookies. */
export function sessionRowId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cookie tokens are 32 random bytes, base64url: 43 characters. Anything else is not worth a query. */
export function isWellFormedToken(token: string | undefined | null): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

type SessionWriter = Pick<typeof db, "session">;

/**
 * Creates a session row for a user and returns the opaque cookie value (`id`). Used by sign-in and by tests.
 * `tx` lets sign-in create it inside the transaction that consumes the nonce.
 */
export async function createSession(userId: string, tx: SessionWriter = db): Promise<{ id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.session.create({ data: { id: sessionRowId(token), userId, expiresAt } });
  return { id: token, expiresAt };
}

/** Ends a session at once; the cookie value is what callers hold. Unknown values are ignored. */
export async function revokeSession(id: string): Promise<void> {
  if (!isWellFormedToken(id)) return;
  await db.session.deleteMany({ where: { id: sessionRowId(id) } });
}

/** Ends every session of a user, e.g. when an admin bans them. */
export async function revokeUserSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
}

/** httpOnly and SameSite=Lax always; Secure in production unless the app itself runs on a loopback address. */
export function sessionCookieOptions(expiresAt: Date): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: secureCookie, path: "/", expires: expiresAt };
}

/** The attributes that remove the cookie: a `__Host-` cookie is replaced only by one that is Secure with Path=/ too. */
export function expiredSessionCookie(): SessionCookieOptions & { name: string; value: string } {
  return { name: SESSION_COOKIE, value: "", ...sessionCookieOptions(new Date(0)) };
}

/** Reads the session cookie out of a raw Cookie header (tokens are base64url, so no decoding is needed). */
export function sessionTokenFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
