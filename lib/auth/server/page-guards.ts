import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentCaller, type Caller } from "@/lib/auth/server/caller";

/** Code points no destination path needs, raw or decoded: controls (browsers drop tabs and newlines) and DEL. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** "//host" and "/\host" are protocol-relative to browsers: another origin. */
const leavesOrigin = (path: string) => !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\");

/**
 * Only same-origin paths may be a post-sign-in destination, never "//evil.example" or a full URL. Browsers
 * drop tabs and newlines from URLs ("/\t/evil.example" is "//evil.example" to them) and read "\" as "/",
 * and the path may be decoded again on its way (a redirect, the client router), so the raw text must have
 * no controls, spaces or backslashes, every decoding of it must still start with a single "/", and it must
 * resolve to this origin.
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > 2048 || leavesOrigin(next) || hasControl(next) || /[\s\\]/.test(next)) return "/";
  let decoded = next;
  for (let round = 0; round < 3; round++) {
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return "/";
    }
    if (once === decoded) break;
    if (leavesOrigin(once) || hasControl(once)) return "/";
    decoded = once;
  }
  const base = "http://same-origin.invalid";
  return new URL(next, base).origin === base ? next : "/";
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
