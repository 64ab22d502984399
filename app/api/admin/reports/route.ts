import { adminFrom, json } from "@/lib/server/admin/http";
import { openReportGroups } from "@/lib/server/admin/reports";
import { handle } from "@/lib/server/http/api-error";

/** Open reports grouped by target, most reported first. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json({ groups: await openReportGroups() });
});
