import { NextResponse } from "next/server";
import { callerFromRequest } from "@/lib/auth/server/caller";
import { handle } from "@/lib/core/server/api-error";
import { checkJobId, jobNotFound } from "@/lib/jobs/server/access";
import { offersForJob } from "@/lib/jobs/server/queries";

/** `count` (pending offers) for anyone; `offers`: all for the buyer and admins, a provider's own, none for others. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const result = await offersForJob(checkJobId((await params).id), await callerFromRequest(request));
  if (!result) throw jobNotFound();
  return NextResponse.json(result);
});
