import { adminFrom } from "@/lib/admin/server/http";
import { resolveReports } from "@/lib/admin/server/reports";
import { handle } from "@/lib/core/server/api-error";
import { resolveReportsSchema } from "@/lib/admin/schema";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";

/**
 * `{ targetType, targetId, resolution: "dismiss" | "suspend_listing" | "ban_user", note }` resolves every open
 * report about the target; the action on the target happens in the same transaction.
 */
export const POST = handle(async (request: Request) => {
  const admin = await adminFrom(request, { mutating: true });
  const input = parseOr400(resolveReportsSchema, await readJsonObject(request));
  return json(await resolveReports(admin, input));
});
