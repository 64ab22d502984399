import { listDisputes } from "@/lib/server/admin/disputes";
import { adminFrom, json } from "@/lib/server/admin/http";
import { handle } from "@/lib/server/http/api-error";

/** Open disputes with timeline, statements and the escrow's on-chain record. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  return json({ disputes: await listDisputes() });
});
