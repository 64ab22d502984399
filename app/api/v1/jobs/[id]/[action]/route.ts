import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { ApiError, assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { checkJobId } from "@/lib/jobs/server/access";
import { jobForResponse } from "@/lib/jobs/server/http";
import { cancelJob, publishJob } from "@/lib/jobs/server/mutations";
import { completeJob, postProgress, startJob } from "@/lib/jobs/server/run";
import { jobActions, jobResultSchema, progressNoteSchema } from "@/lib/jobs/schema";
import { transitionSchema } from "@/lib/orders/schema";
import { readOptionalJsonObject, parseOr400 } from "@/lib/core/server/http";

/**
 * publish | cancel (the buyer), start | complete | progress (the provider whose offer was accepted).
 * start and complete return the escrow call to sign (`transaction`); the job's status changes when
 * the indexer sees the event on chain. Release, refund and dispute are the order's actions
 * (POST /api/v1/orders/{orderId}/{action}).
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  assertSameOrigin(request);
  const { id: rawId, action } = await params;
  if (!(jobActions as readonly string[]).includes(action)) throw new ApiError(404, "not_found", `No job action "${action}".`);
  const id = checkJobId(rawId);
  const caller = requireCaller(await callerFromRequest(request));
  const body = await readOptionalJsonObject(request);

  switch (action) {
    case "publish":
      await publishJob(caller, id);
      return NextResponse.json(await jobForResponse(id, caller));
    case "cancel":
      await cancelJob(caller, id);
      return NextResponse.json(await jobForResponse(id, caller));
    case "progress": {
      const { body: text } = parseOr400(progressNoteSchema, body);
      const note = await postProgress(caller, id, text);
      return NextResponse.json({ id: note.id, body: note.body, createdAt: note.createdAt }, { status: 201 });
    }
    case "start": {
      const { txHash } = parseOr400(transitionSchema, body);
      const { orderId, transaction } = await startJob(caller, id, { txHash });
      return NextResponse.json({ job: await jobForResponse(id, caller), orderId, transaction });
    }
    default: {
      const { txHash, ...result } = parseOr400(jobResultSchema.extend(transitionSchema.shape), body);
      const { orderId, transaction } = await completeJob(caller, id, result, { txHash });
      return NextResponse.json({ job: await jobForResponse(id, caller), orderId, transaction });
    }
  }
});
