import { adminFrom, json } from "@/lib/server/admin/http";
import { resolveReports } from "@/lib/server/admin/reports";
import { handle } from "@/lib/server/http/api-error";
import { parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { resolveReportsSchema } from "@/lib/validations/admin";

/**
 * `{ targetType, targetId, resolution: "dismiss" | "suspend_listing" | "ban_user", note }` resolves every open
 * report about the target; the action on the target happens in the same transaction.
 */
export const POST = handle(async (request: Request) => {
  const admin = await adminFrom(request, { mutating: true });
  const input = parseOr400(resolveReportsSchema, await readJsonObject(request));
  return json(await resolveReports(admin, input));
});
