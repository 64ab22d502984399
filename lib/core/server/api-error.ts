import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { env } from "@/env";
import { fieldErrorsOf } from "@/lib/core/fields";
import { log, requestContext } from "@/lib/core/server/log";
import { metrics, routeTemplate } from "@/lib/core/server/metrics";
import type { ApiErrorBody } from "@/lib/core/wire";

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/** A failure the client caused and may be told about: becomes `{ error: code, message, fieldErrors }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: string,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? code);
    this.name = "ApiError";
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { error: error.code, message: error.message, fieldErrors: error.fieldErrors };
    return NextResponse.json(body, { status: error.status, headers: error.headers });
  }
  if (error instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    const names = Object.keys(fieldErrors).join(", ");
    const body: ApiErrorBody = { error: "invalid_request", message: `Invalid parameters: ${names}`, fieldErrors };
    return NextResponse.json(body, { status: 400 });
  }
  // Logged here, once, because the client only ever sees the generic code.
  log.error({ err: error }, "unhandled error in route handler");
  return NextResponse.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500 });
}

/**
 * Wraps a route handler: ApiError -> its status with `{ error, message, fieldErrors }`;
 * ZodError -> 400 naming each parameter; anything else is logged and becomes 500 `{ error: "internal" }`.
 */
export function handle<C>(fn: (req: Request, ctx: C) => Promise<Response>): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    // A proxy in front may already have named the request (nginx's $request_id); keep its id then.
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const started = performance.now();
    const response = await requestContext.run({ requestId }, async () => {
      try {
        return await fn(req, ctx);
      } catch (error) {
        return errorResponse(error);
      }
    });
    const route = routeTemplate(new URL(req.url).pathname);
    metrics.httpDuration.observe(
      { method: req.method, route, status: `${Math.floor(response.status / 100)}xx` },
      (performance.now() - started) / 1000,
    );
    try {
      response.headers.set("x-request-id", requestId);
    } catch {
      // Some responses (a redirect made by Response.redirect) have immutable headers; the id is only a convenience.
    }
    return response;
  };
}

/** The origin browsers send for this deployment, e.g. "https://idlegrid.example.com". */
export function appOrigin(): string {
  return new URL(env.APP_URL).origin;
}

/**
 * Mutating handlers call this first. SameSite=Lax already keeps the session cookie off most
 * cross-site POSTs; checking Origin also stops same-site attackers and old browsers.
 * Rejects (403 "bad_origin") a request whose Origin is missing, "null", or not APP_URL's origin.
 *
 * A request that authenticates with `Authorization: Bearer` (an API key) and sends no cookie at all is
 * exempt: it carries no ambient credential a forged request could ride on, and a browser cannot add an
 * Authorization header to a cross-site request without a CORS preflight this app never answers. Any
 * cookie keeps the check, so a browser's session is never let through on a header's say-so.
 */
export function assertSameOrigin(request: Request): void {
  if (/^Bearer\s/i.test(request.headers.get("authorization") ?? "") && !request.headers.get("cookie")) return;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") throw new ApiError(403, "bad_origin", "The request has no Origin header.");
  if (origin !== appOrigin()) throw new ApiError(403, "bad_origin", `Requests from ${origin} are not accepted.`);
}
