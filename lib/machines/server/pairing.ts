import "server-only";
/**
 * Pairing: the provider gets a one-time code for one of their machines ("Connect a machine"), the
 * agent trades it for a machine-scoped credential (POST /api/v1/agent/pair). Codes are stored hashed,
 * live 10 minutes, work once, and both sides are rate-limited: codes per provider, failed attempts per
 * client address, so a code cannot be guessed in its lifetime.
 */
import type { PairRequest, PairResponse } from "@/agent/protocol";
import type { Caller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { db } from "@/lib/core/server/db";
import { applyReport, type ReportOutcome } from "@/lib/machines/server/report";
import { RetryLaterError } from "@/lib/machines/server/credentials";
import { newCredential, newPairingCode, pairingCodeHash, PAIRING_CODE_TTL_MS } from "@/lib/machines/secrets";

/** Codes one provider may ask for in ten minutes (a person connecting a rack of machines stays under it). */
export const CODES_PER_PROVIDER = { max: 20, windowMs: 10 * 60 * 1000 } as const;
/** Failed pairing attempts one client address may make in ten minutes. */
export const FAILURES_PER_CLIENT = { max: 20, windowMs: 10 * 60 * 1000 } as const;

const UNPAIRABLE = ["ARCHIVED", "SUSPENDED"] as const;

export async function issuePairingCode(
  actor: Pick<Caller, "userId">,
  machineId: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const machine = await db.machine.findUnique({
    where: { id: machineId },
    select: { providerId: true, status: true, provider: { select: { banned: true } } },
  });
  if (!machine) throw new ApiError(404, "not_found", "No listing with this id.");
  if (machine.providerId !== actor.userId) {
    // Someone else's live listing is public, so its id is no secret; anything else stays unconfirmed.
    if (machine.status === "LIVE" && !machine.provider.banned)
      throw new ApiError(403, "forbidden", "Only the machine's owner can connect an agent to it.");
    throw new ApiError(404, "not_found", "No listing with this id.");
  }
  if ((UNPAIRABLE as readonly string[]).includes(machine.status)) {
    throw new ApiError(409, "not_pairable", `A ${machine.status.toLowerCase()} listing cannot be connected to an agent.`);
  }
  const recent = await db.agentPairingCode.count({
    where: { createdById: actor.userId, createdAt: { gt: new Date(now.getTime() - CODES_PER_PROVIDER.windowMs) } },
  });
  if (recent >= CODES_PER_PROVIDER.max)
    throw new ApiError(429, "rate_limited", "Too many pairing codes in ten minutes; use one you already have or wait.");
  // Housekeeping rides along: codes a day past expiry are of no use, not even for the error message.
  await db.agentPairingCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
  await db.agentPairingCode.create({
    data: { codeHash: pairingCodeHash(code), machineId, createdById: actor.userId, expiresAt, createdAt: now },
  });
  return { code, expiresAt };
}

async function failed(clientKey: string, error: ApiError): Promise<never> {
  await db.agentPairFailure.create({ data: { clientKey } });
  throw error;
}

/**
 * Trades a code for a credential. The code is consumed in the same transaction that creates the
 * credential and stores the first hardware report, so a failure leaves the code usable and a double
 * submit gets `pairing_code_used`. An earlier agent of the machine loses its credential: one machine, one agent.
 */
export async function pairAgent(
  input: PairRequest,
  clientKey: string,
  now = new Date(),
): Promise<PairResponse & { report: ReportOutcome }> {
  const windowStart = new Date(now.getTime() - FAILURES_PER_CLIENT.windowMs);
  const failures = await db.agentPairFailure.findMany({
    where: { clientKey, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "asc" },
    take: FAILURES_PER_CLIENT.max,
    select: { createdAt: true },
  });
  if (failures.length >= FAILURES_PER_CLIENT.max) {
    const oldest = failures[0]?.createdAt ?? now;
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + FAILURES_PER_CLIENT.windowMs - now.getTime()) / 1000));
    throw new RetryLaterError(`Too many failed pairing attempts from this address; retry in ${retryAfter} s.`, retryAfter);
  }
  await db.agentPairFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });

  const code = await db.agentPairingCode.findUnique({
    where: { codeHash: pairingCodeHash(input.code) },
    select: { id: true, machineId: true, expiresAt: true, usedAt: true },
  });
  if (!code)
    return failed(clientKey, new ApiError(401, "pairing_code_unknown", "No such pairing code; copy it again from the machine's page."));
  if (code.usedAt)
    return failed(
      clientKey,
      new ApiError(401, "pairing_code_used", "This pairing code was already used; get a new one from the machine's page."),
    );
  if (code.expiresAt <= now)
    return failed(
      clientKey,
      new ApiError(401, "pairing_code_expired", "This pairing code expired (codes last 10 minutes); get a new one."),
    );

  const issued = newCredential();
  const report = await db.$transaction(async (tx) => {
    const { count } = await tx.agentPairingCode.updateMany({
      where: { id: code.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0)
      throw new ApiError(401, "pairing_code_used", "This pairing code was already used; get a new one from the machine's page.");
    const machine = await tx.machine.findUniqueOrThrow({ where: { id: code.machineId }, select: { status: true } });
    if ((UNPAIRABLE as readonly string[]).includes(machine.status)) {
      throw new ApiError(409, "not_pairable", `The listing was ${machine.status.toLowerCase()} meanwhile; it cannot be connected.`);
    }
    await tx.agentCredential.updateMany({ where: { machineId: code.machineId, revokedAt: null }, data: { revokedAt: now } });
    await tx.agentCredential.create({
      data: {
        machineId: code.machineId,
        prefix: issued.prefix,
        hash: issued.hash,
        hostname: input.hostname,
        createdAt: now,
        windowStart: now,
      },
    });
    return applyReport(tx, code.machineId, input.hardware, now, { paired: true });
  });
  return { machineId: code.machineId, listingId: code.machineId, credential: issued.credential, report };
}
