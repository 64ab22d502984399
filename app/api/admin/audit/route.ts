import { listAudit } from "@/lib/admin/server/audit";
import { adminFrom } from "@/lib/admin/server/http";
import { handle } from "@/lib/core/server/api-error";
import { auditFilterSchema, searchParamsObject } from "@/lib/admin/schema";
import { json, parseOr400 } from "@/lib/core/server/http";

/** `?admin=0x…&action=listing.approve&from=2026-11-01&to=2026-11-30&cursor=…`, newest first. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  const filter = parseOr400(auditFilterSchema, searchParamsObject(new URL(request.url).searchParams));
  return json(await listAudit(filter));
});
