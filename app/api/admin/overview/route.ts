import { adminFrom, json } from "@/lib/server/admin/http";
import { adminOverview } from "@/lib/server/admin/overview";
import { handle } from "@/lib/server/http/api-error";

export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json(await adminOverview());
});
