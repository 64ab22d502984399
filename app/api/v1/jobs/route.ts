import { NextResponse } from "next/server";
import { callerFromRequest, checkApiKey, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { jobForResponse } from "@/lib/jobs/server/http";
import { createJob } from "@/lib/jobs/server/mutations";
import { searchJobs } from "@/lib/jobs/server/queries";
import { jobInputSchema } from "@/lib/jobs/schema";
import { booleanFlag, invalidParameters, parseOr400, readJsonObject } from "@/lib/core/server/http";
import { parseJobSearchParams } from "@/lib/jobs/board-search";

/** The public job board: open jobs with the board's filters, sorts and cursor. */
export const GET = handle(async (request: Request) => {
  await checkApiKey(request);
  const parsed = parseJobSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw invalidParameters(parsed.fieldErrors);
  return NextResponse.json(await searchJobs(parsed.query));
});

/** Posts a job as a draft, or with `"publish": true` opens it for offers at once. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const { publish, ...fields } = await readJsonObject(request);
  const input = parseOr400(jobInputSchema, fields);
  const job = await createJob(caller, input, { publish: booleanFlag("publish", publish) });
  return NextResponse.json(await jobForResponse(job.id, caller), { status: 201 });
});
