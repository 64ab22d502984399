/** The machine agent's part of the OpenAPI document (issue 17): pairing, hardware reports, heartbeats, and the owner's side. */
import { idParam, operation, pathParam, reply } from "@/app/api/v1/openapi.json/builder";
import { heartbeatRequestSchema, pairRequestSchema, reportRequestSchema } from "@/agent/protocol";

const tags = ["Agent"];
/** The machine-scoped credential `pair` returns, as `Authorization: Bearer <credential>`. */
const agentCredential = [{ agentCredential: [] }];

export const agentPaths = {
  "/api/v1/agent/pair": {
    post: operation({
      operationId: "pairAgent",
      summary: "Pair an agent with its machine",
      description:
        "The agent trades a one-time pairing code (from POST /api/v1/listings/{id}/pairing-codes) and its hardware report for the machine's credential. " +
        "No session and no Origin: the code is the proof. Failed attempts are rate-limited per client address.",
      tags,
      security: [],
      body: { schema: pairRequestSchema },
      responses: { 201: reply("the machine, its listing and the credential, with what the report found", "AgentPaired") },
      errors: [400, 401, 409, 429],
    }),
  },
  "/api/v1/agent/report": {
    post: operation({
      operationId: "agentReport",
      summary: "Report the machine's hardware",
      description:
        "Sent by the agent each time it starts. Stored beside the declared hardware; a listing whose GPU model, count or VRAM differ goes back to review with the differences.",
      tags,
      security: agentCredential,
      body: { schema: reportRequestSchema },
      responses: { 200: reply("what the report means for the listing", "AgentReport") },
      errors: [400, 401, 429],
    }),
  },
  "/api/v1/agent/heartbeat": {
    post: operation({
      operationId: "agentHeartbeat",
      summary: "Say the machine is online",
      description: "Sent by the agent every 30 seconds with live GPU numbers; rate-limited per credential (429 with Retry-After).",
      tags,
      security: agentCredential,
      body: { schema: heartbeatRequestSchema },
      responses: { 200: reply("the machine is online", "AgentHeartbeat") },
      errors: [400, 401, 429],
    }),
  },
  "/api/v1/listings/{id}/pairing-codes": {
    post: operation({
      operationId: "createPairingCode",
      summary: "Connect a machine: get a pairing code",
      description: "The listing's owner gets a one-time code for `idlegrid-agent pair`, valid 10 minutes and shown once.",
      tags,
      parameters: [idParam],
      responses: { 201: reply("the code", "PairingCode") },
      errors: [401, 403, 404, 429],
    }),
  },
  "/api/v1/listings/{id}/agent-credentials/{credentialId}": {
    delete: operation({
      operationId: "revokeAgentCredential",
      summary: "Revoke an agent's credential",
      description: "The listing's owner revokes one agent credential of the machine: the agent's next request gets 401 revoked_credential.",
      tags,
      parameters: [idParam, pathParam("credentialId", "the credential's id")],
      responses: { 200: reply("revoked", "CredentialRevoked") },
      errors: [400, 401, 403, 404],
    }),
  },
};
