import { reportRequestSchema } from "@/agent/protocol";
import { db } from "@/lib/core/server/db";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";
import { authenticateAgent } from "@/lib/machines/server/credentials";
import { agentRoute } from "@/lib/machines/server/http";
import { applyReport } from "@/lib/machines/server/report";

/**
 * The agent's hardware report, sent each time `run` starts. Stored beside the declared hardware; a
 * listing whose GPU model, count or VRAM differ goes back to review (sentToReview) with the differences.
 */
export const POST = agentRoute(async (request: Request) => {
  const agent = await authenticateAgent(request.headers.get("authorization"));
  const { hardware } = parseOr400(reportRequestSchema, await readJsonObject(request));
  const outcome = await db.$transaction((tx) => applyReport(tx, agent.machineId, hardware, new Date()));
  return json({ machineId: agent.machineId, ...outcome });
});
