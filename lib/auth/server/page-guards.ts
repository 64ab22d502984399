import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentCaller, type Caller } from "@/lib/auth/server/caller";

/** Only same-site paths may be a post-sign-in destination, never "//evil.example" or a full URL. */
export function safeNextPath(next: string | undefined | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** For pages that need a session: the caller, or a redirect to the sign-in prompt that comes back to `path`. */
export async function requirePageCaller(path: string): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(path))}`);
  return caller;
}

/** For admin pages: non-admins (signed in or not) get a 404, so the page's existence is not revealed. */
export async function requireAdminPage(): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller?.isAdmin) notFound();
  return caller;
}
