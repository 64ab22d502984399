import { NextResponse } from "next/server";
import { callerFromRequest } from "@/lib/server/auth/caller";
import { handle } from "@/lib/server/http/api-error";
import { checkJobId, jobNotFound } from "@/lib/server/jobs/access";
import { offersForJob } from "@/lib/server/jobs/queries";

/** `count` (pending offers) for anyone; `offers`: all for the buyer and admins, a provider's own, none for others. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const result = await offersForJob(checkJobId((await params).id), await callerFromRequest(request));
  if (!result) throw jobNotFound();
  return NextResponse.json(result);
});
