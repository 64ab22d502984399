import { listDisputes } from "@/lib/admin/server/disputes";
import { adminFrom } from "@/lib/admin/server/http";
import { handle } from "@/lib/core/server/api-error";
import { json } from "@/lib/core/server/http";

/** Open disputes with timeline, statements and the escrow's on-chain record. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json({ disputes: await listDisputes() });
});
