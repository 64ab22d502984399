import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller, requireRecentSignIn } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";
import { createApiKeySchema } from "@/lib/apikeys/schema";
import { createApiKey, listApiKeys } from "@/lib/apikeys/server/keys";

/**
 * The signed-in user's API keys, newest first, never their secrets. Session only: a key cannot list,
 * mint or revoke keys (lib/apikeys/scopes.ts), so a leaked key cannot entrench itself.
 */
export const GET = handle(async (request: Request) => {
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json({ keys: await listApiKeys(caller.userId) }, { headers: { "cache-control": "no-store" } });
});

/** `{ name, scopes, expiresInDays? }`: a new key, its secret in this answer only. Needs a sign-in in the last 15 minutes. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireRecentSignIn(requireCaller(await callerFromRequest(request)));
  const input = parseOr400(createApiKeySchema, await readJsonObject(request));
  return NextResponse.json(await createApiKey(caller.userId, input), { status: 201, headers: { "cache-control": "no-store" } });
});
