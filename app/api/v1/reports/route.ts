import { json } from "@/lib/server/admin/http";
import { createReport } from "@/lib/server/admin/reports";
import { callerFromRequest, requireCaller } from "@/lib/server/auth/caller";
import { assertSameOrigin, handle } from "@/lib/server/http/api-error";
import { parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { createReportSchema } from "@/lib/validations/admin";

/**
 * A signed-in user reports a listing or a user: `{ targetType: "LISTING" | "USER", targetId, category, note }`
 * (a user is named by id or address). 201 with the report id; 409 for a duplicate open report or a report on
 * oneself; 429 past the hourly limit.
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(createReportSchema, await readJsonObject(request));
  const report = await createReport(caller, input);
  return json({ id: report.id, status: report.status }, { status: 201 });
});
