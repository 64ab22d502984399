import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";

export const NONCE_TTL_MS = 5 * 60 * 1000;

/**
 * Per-client limit on issuing nonces. It is backed by the nonce rows themselves (count of rows a client
 * created in the last minute), so it needs no extra table, holds across app instances, and survives restarts.
 * 30 a minute (AUTH_NONCES_PER_MINUTE) is far above what a person signing in needs; the browser-test stack,
 * where every spec signs in from 127.0.0.1, raises it.
 */
export const NONCE_RATE_LIMIT = { max: env.AUTH_NONCES_PER_MINUTE, windowMs: 60 * 1000 } as const;

/** The client's rate-limit key: X-Forwarded-For is read only as far as TRUSTED_PROXY_HOPS allows. */
export { clientKey } from "@/lib/core/server/client-address";

/** Expired nonces are kept a while so a late submit still reads "nonce_expired" rather than "nonce_unknown". */
const NONCE_RETENTION_MS = 60 * 60 * 1000;

export async function issueNonce(client: string): Promise<{ nonce: string; expiresAt: Date }> {
  const now = Date.now();
  const recent = await db.authNonce.count({
    where: { clientKey: client, createdAt: { gt: new Date(now - NONCE_RATE_LIMIT.windowMs) } },
  });
  if (recent >= NONCE_RATE_LIMIT.max) throw new ApiError(429, "rate_limited", "Too many sign-in attempts; wait a minute.");

  // Housekeeping rides along with issuance: cheap with the expiresAt index, and no cron to run.
  await db.authNonce.deleteMany({ where: { expiresAt: { lt: new Date(now - NONCE_RETENTION_MS) } } });

  // 128 bits from the OS CSPRNG, hex so it fits EIP-4361's alphanumeric nonce (viem's helper uses Math.random).
  const nonce = randomBytes(16).toString("hex");
  const expiresAt = new Date(now + NONCE_TTL_MS);
  await db.authNonce.create({ data: { nonce, clientKey: client, expiresAt } });
  return { nonce, expiresAt };
}
