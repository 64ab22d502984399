import { NextResponse } from "next/server";
import { expiredSessionCookie, revokeSession, sessionTokenFromCookieHeader } from "@/lib/auth/server/sessions";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";

/** Ends the session: deletes its row (so the cookie is dead even if a copy survives) and clears the cookie. Idempotent. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const token = sessionTokenFromCookieHeader(request.headers.get("cookie"));
  if (token) await revokeSession(token);
  const response = NextResponse.json({ ok: true });
  response.cookies.set(expiredSessionCookie());
  return response;
});
