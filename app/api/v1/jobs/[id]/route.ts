import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { checkJobId } from "@/lib/jobs/server/access";
import { jobForResponse } from "@/lib/jobs/server/http";
import { updateJob } from "@/lib/jobs/server/mutations";
import { jobPatchSchema } from "@/lib/jobs/schema";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

type Context = { params: Promise<{ id: string }> };

/** A published job for anyone; a draft only for its buyer and admins (404 otherwise). */
export const GET = handle(async (request: Request, { params }: Context) => {
  return NextResponse.json(await jobForResponse((await params).id, await callerFromRequest(request)));
});

/** The buyer edits a draft or an open job; pending offers that no longer qualify are declined. */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const id = checkJobId((await params).id);
  const caller = requireCaller(await callerFromRequest(request));
  const patch = parseOr400(jobPatchSchema, await readJsonObject(request));
  await updateJob(caller, id, patch);
  return NextResponse.json(await jobForResponse(id, caller));
});
