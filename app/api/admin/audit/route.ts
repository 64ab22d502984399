import { listAudit } from "@/lib/server/admin/audit";
import { adminFrom, json } from "@/lib/server/admin/http";
import { handle } from "@/lib/server/http/api-error";
import { parseOr400 } from "@/lib/server/listings/http";
import { auditFilterSchema, searchParamsObject } from "@/lib/validations/admin";

/** `?admin=0x…&action=listing.approve&from=2026-11-01&to=2026-11-30&cursor=…`, newest first. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  const filter = parseOr400(auditFilterSchema, searchParamsObject(new URL(request.url).searchParams));
  return json(await listAudit(filter));
});
