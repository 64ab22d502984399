import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { postDisputeStatement } from "@/lib/orders/server/statements";
import { disputeStatementSchema } from "@/lib/orders/dispute-schema";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

/** The buyer or provider of a DISPUTED order tells the arbiter their side: `{ body }`, 201 with the statement. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { id } = await params;
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(disputeStatementSchema, await readJsonObject(request));
  const statement = await postDisputeStatement(caller, id, input.body);
  return NextResponse.json({ statement }, { status: 201 });
});
