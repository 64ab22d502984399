/**
 * What the app answers the machine agent and the "Connect a machine" flow, as zod: the OpenAPI
 * document's response bodies are generated from these (the agent's requests and its pairing answer
 * are agent/protocol.ts's, which the agent builds and reads them with).
 */
import { z } from "zod";
import { pairResponseSchema } from "@/agent/protocol";
import { isoText, wireDate } from "@/lib/core/wire";
import { agentFlagKinds } from "@/lib/machines/hardware";

const flags = z.array(z.enum(agentFlagKinds)).describe("reasons an admin should look at this agent; empty when none");

export const hardwareDifferenceSchema = z
  .object({
    field: z.enum(["gpuModel", "gpuCount", "vramGb"]),
    declared: z.union([z.string(), z.number()]),
    measured: z.union([z.string(), z.number()]).nullable().describe("null when nothing was measured"),
  })
  .describe("One field where the measurement contradicts the listing");

const reportOutcome = {
  differences: z.array(hardwareDifferenceSchema),
  sentToReview: z.boolean().describe("true when the differences sent a live or paused listing back to review"),
};

export const agentPairedSchema = pairResponseSchema.extend(reportOutcome);

export const agentReportSchema = z.object({
  machineId: z.string(),
  verifiedAt: wireDate,
  ...reportOutcome,
  flags,
});

export const agentHeartbeatSchema = z.object({
  machineId: z.string(),
  onlineNow: z.literal(true),
  newInterval: z.boolean().describe("true when this heartbeat opened a new online interval (the first, or back after an outage)"),
  flags,
});

export const pairingCodeSchema = z.object({
  code: z.string().describe("for `idlegrid-agent pair`; shown once"),
  expiresAt: isoText,
});

export const credentialRevokedSchema = z.object({ revoked: z.literal(true) });
