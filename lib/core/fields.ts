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
