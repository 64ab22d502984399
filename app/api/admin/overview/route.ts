import { adminFrom } from "@/lib/admin/server/http";
import { adminOverview } from "@/lib/admin/server/overview";
import { handle } from "@/lib/core/server/api-error";
import { json } from "@/lib/core/server/http";

export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json(await adminOverview());
});
