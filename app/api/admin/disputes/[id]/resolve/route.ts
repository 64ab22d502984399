import { recordDisputeResolution } from "@/lib/admin/server/disputes";
import { adminFrom } from "@/lib/admin/server/http";
import { handle } from "@/lib/core/server/api-error";
import { resolveDisputeSchema } from "@/lib/orders/dispute-schema";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";

/**
 * `{ providerBps }`: audits the intended split and returns `{ transaction: { to, data } }`, the escrow's
 * resolveDispute for the admin's wallet (which must hold ARBITER_ROLE). Nothing changes until the indexer sees it.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await adminFrom(request, { mutating: true });
  const { id } = await params;
  const { providerBps } = parseOr400(resolveDisputeSchema, await readJsonObject(request));
  return json(await recordDisputeResolution(admin, id, providerBps));
});
