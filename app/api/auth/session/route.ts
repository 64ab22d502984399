import { NextResponse } from "next/server";
import { callerFromRequest } from "@/lib/auth/server/caller";
import { expiredSessionCookie, SESSION_COOKIE } from "@/lib/auth/server/sessions";
import { handle } from "@/lib/core/server/api-error";

export const dynamic = "force-dynamic";

/** Who the session cookie belongs to: `{ address, roles, isAdmin }`, or 401 when there is no valid session. */
export const GET = handle(async (request: Request) => {
  const caller = await callerFromRequest(request);
  const headers = { "cache-control": "no-store" };
  if (!caller) {
    const response = NextResponse.json({ error: "unauthenticated", message: "Not signed in." }, { status: 401, headers });
    // A cookie for a revoked, expired or banned session is dead weight; drop it.
    if (request.headers.get("cookie")?.includes(`${SESSION_COOKIE}=`)) response.cookies.set(expiredSessionCookie());
    return response;
  }
  return NextResponse.json({ address: caller.address, roles: caller.roles, isAdmin: caller.isAdmin }, { headers });
});
