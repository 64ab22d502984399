/**
 * Zod plumbing every domain shares: the shape of record ids and the field-error map that forms,
 * server actions and the API all report (one entry per parameter path such as "items.0.price",
 * or "_" for problems with the whole input).
 */
import type { z } from "zod";

/** Ids are cuid-like tokens; anything else cannot name a row, so callers answer "not found". */
export const recordIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const FORBIDDEN_TEXT_MESSAGE = "must not contain control characters or broken Unicode";

/**
 * Whether `value` holds characters no free text needs and storage refuses: C0 controls other than tab
 * and line breaks, DEL, and lone UTF-16 surrogates (PostgreSQL rejects NUL in text, and half a surrogate
 * pair is no character). A loop over code units, since a regex of control characters trips the linter.
 */
export function hasForbiddenText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}
