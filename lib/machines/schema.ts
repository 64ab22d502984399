/**
 * App-side inputs of the machine agent feature. The agent's own requests (pair, report, heartbeat) are
 * validated with agent/protocol.ts, the schemas the agent builds them with, so the two cannot drift.
 */
import { z } from "zod";
import { recordIdPattern } from "@/lib/core/fields";

const recordId = z.string().regex(recordIdPattern, { error: "is not an id this app issued" });

/** "Connect a machine": the listing (which is the machine) to pair an agent with. */
export const pairingCodeRequestSchema = z.object({ machineId: recordId });

/** Revoking one agent credential of one of the caller's machines. */
export const revokeCredentialSchema = z.object({ machineId: recordId, credentialId: recordId });
export type RevokeCredentialInput = z.infer<typeof revokeCredentialSchema>;

/** The `Authorization: Bearer <credential>` header an agent sends; anything else is named in the 401. */
export function bearerToken(header: string | null): { ok: true; token: string } | { ok: false; reason: "missing" | "malformed" } {
  if (header === null || header.trim() === "") return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ? { ok: true, token: match[1] } : { ok: false, reason: "malformed" };
}
