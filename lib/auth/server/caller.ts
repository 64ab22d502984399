import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getAddress } from "viem";
import { env } from "@/env";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
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
  sessionId: string;
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
    select: { expiresAt: true, user: { select: { id: true, address: true, roles: true, banned: true } } },
  });
  // The ban check lives here, on every request, so a ban takes effect at once without waiting for session cleanup.
  if (!session || session.expiresAt <= new Date() || session.user.banned) return null;
  const address = getAddress(session.user.address);
  const roles = rolesFor(address, session.user.roles);
  return { userId: session.user.id, address, roles, isAdmin: roles.includes("ADMIN"), sessionId: token };
}

/** Who is calling, from the session cookie of a route handler's Request; null if no valid session (none, expired, revoked, banned user). */
export function callerFromRequest(request: Request): Promise<Caller | null> {
  return callerFromToken(sessionTokenFromCookieHeader(request.headers.get("cookie")));
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
