import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";
import { createWebhookSchema } from "@/lib/webhooks/schema";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/server/endpoints";

/** The signed-in user's webhook endpoints, oldest first (an API key with `read` may list them). */
export const GET = handle(async (request: Request) => {
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json({ endpoints: await listWebhookEndpoints(caller.userId) }, { headers: { "cache-control": "no-store" } });
});

/**
 * `{ url, events, description? }`: registers an endpoint and answers with its signing secret, shown this
 * once. Session only: an endpoint receives the account's events, so a leaked API key must not add one.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(createWebhookSchema, await readJsonObject(request));
  return NextResponse.json(await createWebhookEndpoint(caller.userId, input), { status: 201, headers: { "cache-control": "no-store" } });
});
