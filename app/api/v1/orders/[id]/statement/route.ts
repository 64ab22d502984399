import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/server/auth/caller";
import { assertSameOrigin, handle } from "@/lib/server/http/api-error";
import { parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { postDisputeStatement } from "@/lib/server/orders/statements";
import { disputeStatementSchema } from "@/lib/validations/dispute";

/** The buyer or provider of a DISPUTED order tells the arbiter their side: `{ body }`, 201 with the statement. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { id } = await params;
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(disputeStatementSchema, await readJsonObject(request));
  const statement = await postDisputeStatement(caller, id, input.body);
  return NextResponse.json({ statement }, { status: 201 });
});
