import { recordDisputeResolution } from "@/lib/server/admin/disputes";
import { adminFrom, json } from "@/lib/server/admin/http";
import { handle } from "@/lib/server/http/api-error";
import { parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { resolveDisputeSchema } from "@/lib/validations/dispute";

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
