import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getAddress } from "viem";
import { env } from "@/env";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { RECENT_SIGN_IN_MS, type ApiKeyScope } from "@/lib/apikeys/schema";
import { requiredScope } from "@/lib/apikeys/scopes";
import { authenticateApiKey } from "@/lib/apikeys/server/keys";
import { isWellFormedToken, SESSION_COOKIE, sessionRowId, sessionTokenFromCookieHeader } from "@/lib/auth/server/sessions";

/**
 * The one answer to "who is calling and what may they do". Every route handler and server action
 * that reads private data or changes anything starts here; middleware and the UI are never trusted alone.
 */

export type Role = "ADMIN";

export interface Caller {
  userId: string;
  /** EIP-55 checksummed */
  address: `0x${string}`;
  /** DB roles plus ADMIN for addresses in env.ADMIN_ADDRESSES */
  roles: Role[];
  isAdmin: boolean;
  /** The session's cookie token, or `api-key:<id>` for a request made with an API key. */
  sessionId: string;
  /** How the caller proved who they are; absent means a session cookie. */
  via?: "session" | "apiKey";
  /** What an API key may do (see lib/apikeys/scopes.ts); absent for a session, which may do all its user may. */
  scopes?: readonly ApiKeyScope[];
  /** When the session's sign-in happened; sessions only. Creating an API key needs a recent one. */
  signedInAt?: Date;
}

const envAdmins = new Set(env.ADMIN_ADDRESSES.map((a) => getAddress(a)));

/** Whether an address is an admin by configuration, whatever the database says. */
export function isConfiguredAdmin(address: string): boolean {
  return envAdmins.has(getAddress(address));
}

export function rolesFor(address: string, dbRoles: readonly Role[]): Role[] {
  const roles = new Set<Role>(dbRoles);
  if (isConfiguredAdmin(address)) roles.add("ADMIN");
  return [...roles];
}

/** Resolves a cookie token to its caller. Expired sessions, deleted sessions and banned users all give null. */
export async function callerFromToken(token: string | undefined | null): Promise<Caller | null> {
  if (!isWellFormedToken(token)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionRowId(token) },
    select: { expiresAt: true, createdAt: true, user: { select: { id: true, address: true, roles: true, banned: true } } },
  });
  // The ban check lives here, on every request, so a ban takes effect at once without waiting for session cleanup.
  if (!session || session.expiresAt <= new Date() || session.user.banned) return null;
  const address = getAddress(session.user.address);
  const roles = rolesFor(address, session.user.roles);
  return {
    userId: session.user.id,
    address,
    roles,
    isAdmin: roles.includes("ADMIN"),
    sessionId: token,
    via: "session",
    signedInAt: session.createdAt,
  };
}

/**
 * A request that sends `Authorization: Bearer <API key>`: the key must be valid (401 naming why
 * otherwise) and hold the scope lib/apikeys/scopes.ts names for this method and path (403). Keys
 * never make their holder an admin, whatever ADMIN_ADDRESSES says: admin work needs a session.
 */
async function callerFromApiKey(request: Request, authorization: string): Promise<Caller> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!bearer) throw new ApiError(401, "invalid_key", "The Authorization header must be `Bearer <API key>`.");
  const holder = await authenticateApiKey(bearer);
  const caller: Caller = {
    userId: holder.userId,
    address: getAddress(holder.address),
    roles: [],
    isAdmin: false,
    sessionId: `api-key:${holder.keyId}`,
    via: "apiKey",
    scopes: holder.scopes,
  };
  const path = new URL(request.url).pathname;
  const scope = requiredScope(request.method, path);
  if (!scope)
    throw new ApiError(
      403,
      "session_required",
      `API keys cannot be used for ${request.method} ${path}; it needs a signed-in browser session.`,
    );
  return requireScope(caller, scope);
}

/**
 * Who is calling: an API key when the request has an Authorization header (see callerFromApiKey),
 * else the session cookie. Null without either, or for an expired or revoked session or a banned user.
 */
export function callerFromRequest(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return callerFromApiKey(request, authorization);
  return callerFromToken(sessionTokenFromCookieHeader(request.headers.get("cookie")));
}

/**
 * For public routes, which need no caller: a request that sends an API key still has it checked (and
 * counted against its limit), so a script learns its key is dead on its next call, whatever it calls.
 */
export async function checkApiKey(request: Request): Promise<void> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) await callerFromApiKey(request, authorization);
}

/** Throws 403 `insufficient_scope` naming the scope when an API key lacks it; sessions pass. */
export function requireScope(caller: Caller, scope: ApiKeyScope): Caller {
  if (caller.via === "apiKey" && !caller.scopes?.includes(scope)) {
    throw new ApiError(403, "insufficient_scope", `This API key lacks the "${scope}" scope; create a key that has it.`);
  }
  return caller;
}

/**
 * For what must not be done with a cookie left in an unattended browser (creating API keys): a
 * session signed in within RECENT_SIGN_IN_MS, else 403 `reauth_required`. API keys never qualify.
 */
export function requireRecentSignIn(caller: Caller, now = new Date()): Caller {
  if (caller.via === "apiKey") throw new ApiError(403, "session_required", "This needs a signed-in browser session, not an API key.");
  if (!caller.signedInAt || now.getTime() - caller.signedInAt.getTime() > RECENT_SIGN_IN_MS) {
    throw new ApiError(
      403,
      "reauth_required",
      `Sign in again: this needs a sign-in within the last ${RECENT_SIGN_IN_MS / 60_000} minutes.`,
    );
  }
  return caller;
}

/**
 * Same for server components and server actions (reads cookies() from next/headers). Memoized per
 * server render: the layout's header, the bell and the page's guard each ask, and one session
 * query answers them all. (Outside a render, e.g. in a server action, every call queries afresh.)
 */
export const currentCaller = cache(async (): Promise<Caller | null> => {
  const jar = await cookies();
  return callerFromToken(jar.get(SESSION_COOKIE)?.value);
});

/** Throws ApiError(401, "unauthenticated") when nobody is signed in. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new ApiError(401, "unauthenticated", "Sign in with your wallet first.");
  return caller;
}

/** Throws ApiError(401, "unauthenticated") / ApiError(403, "forbidden") unless the caller is an admin. */
export function requireAdmin(caller: Caller | null): Caller {
  const signedIn = requireCaller(caller);
  if (!signedIn.isAdmin) throw new ApiError(403, "forbidden", "Only admins may do this.");
  return signedIn;
}
