import "server-only";
/** Request plumbing shared by the admin route handlers. */
import { NextResponse } from "next/server";
import { callerFromRequest, requireAdmin, type Caller } from "@/lib/server/auth/caller";
import { assertSameOrigin } from "@/lib/server/http/api-error";

/**
 * Every admin handler starts here: the Origin check for writes, then the admin check, before any input is
 * read, so non-admins learn nothing from validation errors. Anonymous callers get 401, others 403.
 */
export async function adminFrom(request: Request, opts: { mutating: boolean }): Promise<Caller> {
  if (opts.mutating) assertSameOrigin(request);
  return requireAdmin(await callerFromRequest(request));
}

/** JSON with bigints (token amounts) as decimal strings. */
export function json(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return new NextResponse(body, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
}
