import "server-only";
/** Request plumbing shared by the v1 job and offer route handlers. */
import type { Caller } from "@/lib/server/auth/caller";
import { checkJobId, jobNotFound } from "@/lib/server/jobs/access";
import { getJobForViewer } from "@/lib/server/jobs/queries";
import { invalidParameters, readJsonObject } from "@/lib/server/listings/http";

/** The job as the caller may see it; 404 for unknown ids and others' drafts. */
export async function jobForResponse(id: string, caller: Caller | null) {
  const job = await getJobForViewer(checkJobId(id), caller);
  if (!job) throw jobNotFound();
  return job;
}

/** A JSON object body, where an empty body counts as `{}` (actions without parameters). */
export async function readOptionalJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  return readJsonObject(new Request(request.url, { method: "POST", body: text }));
}

/** `"publish": true|false` on POST /api/v1/jobs. */
export function booleanFlag(name: string, value: unknown): boolean {
  if (value !== undefined && typeof value !== "boolean") throw invalidParameters({ [name]: ["must be true or false"] });
  return value === true;
}
