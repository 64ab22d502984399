import "server-only";
/** Request plumbing shared by the v1 job and offer route handlers. */
import type { Caller } from "@/lib/auth/server/caller";
import { checkJobId, jobNotFound } from "@/lib/jobs/server/access";
import { getJobForViewer } from "@/lib/jobs/server/queries";

/** The job as the caller may see it; 404 for unknown ids and others' drafts. */
export async function jobForResponse(id: string, caller: Caller | null) {
  const job = await getJobForViewer(checkJobId(id), caller);
  if (!job) throw jobNotFound();
  return job;
}
