import { adminFrom } from "@/lib/admin/server/http";
import { openReportGroups } from "@/lib/admin/server/reports";
import { handle } from "@/lib/core/server/api-error";
import { json } from "@/lib/core/server/http";

/** Open reports grouped by target, most reported first. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json({ groups: await openReportGroups() });
});
