import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { json } from "@/lib/core/server/http";
import { listingId } from "@/lib/listings/server/http";
import { issuePairingCode } from "@/lib/machines/server/pairing";

type Context = { params: Promise<{ id: string }> };

/** "Connect a machine": a one-time pairing code for `idlegrid-agent pair`, valid 10 minutes, shown once. Owner only. */
export const POST = handle(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const id = listingId((await params).id);
  const caller = requireCaller(await callerFromRequest(request));
  const { code, expiresAt } = await issuePairingCode(caller, id);
  return json({ code, expiresAt: expiresAt.toISOString() }, { status: 201 });
});
