import { NextResponse } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/server/sessions";
import { signInWithEthereum } from "@/lib/auth/server/siwe";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { siweVerifyBody } from "@/lib/auth/siwe-message";

/**
 * POST { message, signature }: checks the EIP-4361 message and its signature and starts a session.
 * Every sign-in failure is a 401 naming the reason (see lib/auth/server/siwe.ts); a banned account is a 403.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const json: unknown = await request.json().catch(() => undefined);
  const body = siweVerifyBody.safeParse(json);
  if (!body.success) {
    const fieldErrors = Object.fromEntries(body.error.issues.map((i) => [i.path.join(".") || "_", [i.message]]));
    throw new ApiError(401, "malformed_message", "The body must be JSON { message, signature }.", fieldErrors);
  }
  const result = await signInWithEthereum(body.data.message, body.data.signature as `0x${string}`);
  const response = NextResponse.json({ address: result.address, roles: result.roles, isAdmin: result.roles.includes("ADMIN") });
  response.cookies.set(SESSION_COOKIE, result.session.id, sessionCookieOptions(result.session.expiresAt));
  return response;
});
