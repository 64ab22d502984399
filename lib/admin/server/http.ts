import "server-only";
/** Request plumbing shared by the admin route handlers. */
import { callerFromRequest, requireAdmin, type Caller } from "@/lib/auth/server/caller";
import { assertSameOrigin } from "@/lib/core/server/api-error";

/**
 * Every admin handler starts here: the Origin check for writes, then the admin check, before any input is
 * read, so non-admins learn nothing from validation errors. Anonymous callers get 401, others 403.
 */
export async function adminFrom(request: Request, opts: { mutating: boolean }): Promise<Caller> {
  if (opts.mutating) assertSameOrigin(request);
  return requireAdmin(await callerFromRequest(request));
}
