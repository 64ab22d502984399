import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { json, parseOr400 } from "@/lib/core/server/http";
import { revokeCredentialSchema } from "@/lib/machines/schema";
import { revokeCredential } from "@/lib/machines/server/credentials";

type Context = { params: Promise<{ id: string; credentialId: string }> };

/** Revokes one agent credential of the machine: the agent's next request gets 401 revoked_credential. */
export const DELETE = handle(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const { id, credentialId } = await params;
  const input = parseOr400(revokeCredentialSchema, { machineId: id, credentialId });
  const caller = requireCaller(await callerFromRequest(request));
  await revokeCredential(caller, input.machineId, input.credentialId);
  return json({ revoked: true });
});
