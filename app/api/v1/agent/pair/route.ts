import { pairRequestSchema } from "@/agent/protocol";
import { clientKey } from "@/lib/auth/server/nonces";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";
import { agentRoute } from "@/lib/machines/server/http";
import { pairAgent } from "@/lib/machines/server/pairing";

/**
 * The agent trades a one-time pairing code for its machine's credential: 201 { machineId, listingId,
 * credential }. No session and no Origin: the agent is not a browser, the code is the proof. Failed
 * attempts are rate-limited per client address (429 with Retry-After).
 */
export const POST = agentRoute(async (request: Request) => {
  const input = parseOr400(pairRequestSchema, await readJsonObject(request));
  const { report, ...paired } = await pairAgent(input, clientKey(request));
  return json({ ...paired, differences: report.differences, sentToReview: report.sentToReview }, { status: 201 });
});
