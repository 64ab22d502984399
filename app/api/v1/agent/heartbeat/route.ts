import { heartbeatRequestSchema } from "@/agent/protocol";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";
import { authenticateAgent } from "@/lib/machines/server/credentials";
import { recordHeartbeat } from "@/lib/machines/server/heartbeat";
import { agentRoute } from "@/lib/machines/server/http";

/**
 * A heartbeat (every 30 s): the machine's own credential only (401 naming why otherwise), rate-limited
 * per credential (429 with Retry-After), and validated before anything is stored (400 naming each field).
 */
export const POST = agentRoute(async (request: Request) => {
  const agent = await authenticateAgent(request.headers.get("authorization"));
  const heartbeat = parseOr400(heartbeatRequestSchema, await readJsonObject(request));
  const outcome = await recordHeartbeat(agent.machineId, heartbeat);
  return json({ machineId: agent.machineId, onlineNow: true, ...outcome });
});
