import { createReport } from "@/lib/admin/server/reports";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { createReportSchema } from "@/lib/admin/schema";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";

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
