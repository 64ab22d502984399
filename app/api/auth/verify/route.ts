import { NextResponse } from "next/server";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/server/sessions";
import { signInWithEthereum, verifyLimiter } from "@/lib/auth/server/siwe";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { SIWE_LIMITS, siweVerifyBody } from "@/lib/auth/siwe-message";
import { readBodyText } from "@/lib/core/server/http";
import { clientKey } from "@/lib/core/server/client-address";

/** The message and the largest signature accepted, JSON-escaped, with room to spare. */
const MAX_VERIFY_BODY_BYTES = 4 * SIWE_LIMITS.message + 2 * SIWE_LIMITS.signatureBytes + 1024;

/**
 * POST { message, signature }: checks the EIP-4361 message and its signature and starts a session.
 * Every sign-in failure is a 401 naming the reason (see lib/auth/server/siwe.ts); a banned account is a 403;
 * too many attempts from one client a 429.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  verifyLimiter.take(clientKey(request));
  const text = await readBodyText(request, MAX_VERIFY_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
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
