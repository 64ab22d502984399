import "server-only";
/**
 * Agent credentials: who may speak for a machine. A credential is looked up by its SHA-256, checked
 * for revocation on every request (revoking ends access at once), and counted against a fixed
 * one-minute window per credential in the same statement, so the limit holds across app instances.
 */
import { env } from "@/env";
import type { Caller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { db } from "@/lib/core/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { at } from "@/lib/machines/server/time-sql";
import { bearerToken } from "@/lib/machines/schema";
import { isWellFormedCredential, sha256Hex } from "@/lib/machines/secrets";

const WINDOW_MS = 60 * 1000;

/** A 429 that tells the agent when to try again (the route sends it as Retry-After). */
export class RetryLaterError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message);
  }
}

export interface AgentCaller {
  credentialId: string;
  machineId: string;
}

/** Every way a bearer token can fail is a 401 that names it, so a provider can fix the host. */
export async function authenticateAgent(authorization: string | null, now = new Date()): Promise<AgentCaller> {
  const bearer = bearerToken(authorization);
  if (!bearer.ok && bearer.reason === "missing") {
    throw new ApiError(
      401,
      "missing_credential",
      "Send the machine's credential as `Authorization: Bearer <credential>` (run `idlegrid-agent pair` first).",
    );
  }
  if (!bearer.ok || !isWellFormedCredential(bearer.token)) {
    throw new ApiError(401, "malformed_credential", "The Authorization header does not hold a credential this server issues.");
  }
  const hash = sha256Hex(bearer.token);
  const windowFrom = new Date(now.getTime() - WINDOW_MS);
  const rows = await db.$queryRaw<{ id: string; machineId: string; windowStart: Date; windowCount: number }[]>(Prisma.sql`
    UPDATE "AgentCredential"
       SET "lastUsedAt" = ${at(now)},
           "windowCount" = CASE WHEN "windowStart" <= ${at(windowFrom)} THEN 1 ELSE "windowCount" + 1 END,
           "windowStart" = CASE WHEN "windowStart" <= ${at(windowFrom)} THEN ${at(now)} ELSE "windowStart" END
     WHERE hash = ${hash} AND "revokedAt" IS NULL
 RETURNING id, "machineId", "windowStart", "windowCount"`);
  const row = rows[0];
  if (!row) {
    const known = await db.agentCredential.findUnique({ where: { hash }, select: { revokedAt: true } });
    if (known?.revokedAt)
      throw new ApiError(401, "revoked_credential", "This credential was revoked by the machine's owner; pair the agent again.");
    throw new ApiError(401, "unknown_credential", "No machine has this credential; pair the agent again.");
  }
  if (row.windowCount > env.AGENT_REQUESTS_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new RetryLaterError(
      `More than ${env.AGENT_REQUESTS_PER_MINUTE} requests a minute from this credential; retry in ${retryAfter} s.`,
      retryAfter,
    );
  }
  const machine = await db.machine.findUnique({
    where: { id: row.machineId },
    select: { status: true, provider: { select: { banned: true } } },
  });
  if (!machine || machine.status === "ARCHIVED")
    throw new ApiError(403, "machine_archived", "This machine's listing was archived; its agent has nothing to report to.");
  if (machine.provider.banned) throw new ApiError(403, "provider_banned", "The machine's provider is banned.");
  return { credentialId: row.id, machineId: row.machineId };
}

export interface CredentialView {
  id: string;
  prefix: string;
  hostname: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The machine's credentials for its owner's dashboard: never the secret, only the visible prefix. */
export function listCredentials(machineId: string): Promise<CredentialView[]> {
  return db.agentCredential.findMany({
    where: { machineId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, prefix: true, hostname: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/**
 * The owner (or an admin) revokes one credential. With no credential left in use the machine can send
 * no more heartbeats, so it is shown offline now rather than after the sweeper's threshold.
 */
export async function revokeCredential(
  actor: Pick<Caller, "userId" | "isAdmin">,
  machineId: string,
  credentialId: string,
  now = new Date(),
): Promise<void> {
  const credential = await db.agentCredential.findUnique({
    where: { id: credentialId },
    select: { machineId: true, revokedAt: true, machine: { select: { providerId: true } } },
  });
  if (!credential || credential.machineId !== machineId || (credential.machine.providerId !== actor.userId && !actor.isAdmin)) {
    throw new ApiError(404, "not_found", "No credential with this id on this machine.");
  }
  if (credential.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.agentCredential.update({ where: { id: credentialId }, data: { revokedAt: now } });
    const active = await tx.agentCredential.count({ where: { machineId, revokedAt: null } });
    if (active > 0) return;
    await tx.$executeRaw`UPDATE "Machine" SET "onlineNow" = false WHERE id = ${machineId} AND "onlineNow"`;
    await tx.machineAgent.updateMany({
      where: { machineId, offlineSince: null, lastHeartbeatAt: { not: null } },
      data: { offlineSince: now },
    });
  });
}
