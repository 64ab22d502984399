import "server-only";
import { isErc6492Signature, recoverMessageAddress, type Hex } from "viem";
import { verifySiweMessage } from "viem/siwe";
import { env } from "@/env";
import { rolesFor, type Role } from "@/lib/auth/server/caller";
import { createSession } from "@/lib/auth/server/sessions";
import { publicClient } from "@/lib/chain/server/client";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { createRateLimiter } from "@/lib/core/server/rate-limit";
import { parseSiweMessageStrict, type SiweFields } from "@/lib/auth/siwe-message";

export type SignInFailure =
  | "nonce_unknown"
  | "nonce_expired"
  | "nonce_used"
  | "domain_mismatch"
  | "uri_mismatch"
  | "chain_unsupported"
  | "expired"
  | "not_yet_valid"
  | "bad_signature"
  | "malformed_message";

/** Wallet and server clocks drift; an Issued At this far in the future is still accepted. */
const CLOCK_SKEW_MS = 60 * 1000;

/** Failed signatures one nonce survives: the next failure burns it, and the client fetches a new one. */
export const MAX_FAILED_SIGNATURES = 3;

/**
 * Sign-in attempts per client and minute (AUTH_VERIFY_PER_MINUTE), taken before anything is parsed: an
 * attempt can cost an RPC call, and a person signs in once. Per process; each nonce's failure count
 * (MAX_FAILED_SIGNATURES) holds across instances.
 */
export const verifyLimiter = createRateLimiter({ max: env.AUTH_VERIFY_PER_MINUTE, windowMs: 60_000, what: "sign-in attempts" });

function reject(reason: SignInFailure, message: string): never {
  throw new ApiError(401, reason, message);
}

/** Checks everything the text of the message claims; throws the first failure. */
function checkFields(fields: SiweFields, now: Date): void {
  const app = new URL(env.APP_URL);
  if (fields.domain !== app.host) reject("domain_mismatch", `The message is for ${fields.domain}, not ${app.host}.`);
  if (fields.scheme !== undefined && `${fields.scheme}:` !== app.protocol)
    reject("domain_mismatch", `The message is for ${fields.scheme}://, not ${app.protocol}//.`);
  if (new URL(fields.uri).origin !== app.origin) reject("uri_mismatch", `The message URI is not on ${app.origin}.`);
  // One deployment serves one chain: a session signed for another chain says nothing about this one.
  if (fields.chainId !== env.CHAIN_ID) reject("chain_unsupported", `Chain ${fields.chainId} is not supported here; use ${env.CHAIN_ID}.`);
  if (fields.expirationTime && fields.expirationTime <= now) reject("expired", "The sign-in message has expired.");
  if (fields.notBefore && fields.notBefore > now) reject("not_yet_valid", "The sign-in message is not valid yet.");
  if (fields.issuedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) reject("not_yet_valid", "The sign-in message was issued in the future.");
}

async function checkNonce(nonce: string, now: Date): Promise<void> {
  const row = await db.authNonce.findUnique({ where: { nonce }, select: { expiresAt: true, usedAt: true } });
  if (!row) reject("nonce_unknown", "This nonce was not issued by this server.");
  if (row.usedAt) reject("nonce_used", "This nonce has already been used.");
  if (row.expiresAt <= now) reject("nonce_expired", "This nonce has expired; sign in again.");
}

/** A plain ECDSA signature (65 bytes, or 64 in EIP-2098 compact form) that recovers to `address`. */
async function isLocalSignature(message: string, signature: Hex, address: `0x${string}`): Promise<boolean> {
  const bytes = (signature.length - 2) / 2;
  if (bytes !== 65 && bytes !== 64) return false;
  try {
    return (await recoverMessageAddress({ message, signature })) === address;
  } catch {
    return false;
  }
}

/**
 * Plain wallets are checked locally, with no RPC at all. The chain is asked only when it has a say: the
 * address holds code (EIP-1271 smart wallets, EIP-7702 delegations) or the signature is EIP-6492-wrapped
 * (a smart wallet not deployed yet). So a stream of garbage signatures for an ordinary address costs the
 * operator's RPC one getCode each, and never an eth_call with calldata an attacker chose.
 */
async function checkSignature(message: string, signature: Hex, fields: SiweFields, now: Date): Promise<void> {
  if (await isLocalSignature(message, signature, fields.address)) return;
  let valid = false;
  try {
    if (!isErc6492Signature(signature)) {
      const code = await publicClient.getCode({ address: fields.address });
      if (!code || code === "0x") await failSignature(fields.nonce, "The signature does not match the message and address.");
    }
    // Through the chain client, so smart-contract wallets (EIP-1271, and EIP-6492 before deployment) verify too.
    valid = await verifySiweMessage(publicClient, {
      message,
      signature,
      address: fields.address,
      domain: fields.domain,
      nonce: fields.nonce,
      time: now,
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // Malformed signatures make viem throw; to the caller that is simply a bad signature.
    valid = false;
  }
  if (!valid) await failSignature(fields.nonce, "The signature does not match the message and address.");
}

/**
 * Counts a failed signature against the nonce and burns it (usedAt) at MAX_FAILED_SIGNATURES, so one
 * nonce cannot carry an endless series of guesses; then answers bad_signature.
 */
async function failSignature(nonce: string, message: string): Promise<never> {
  const [row] = await db.$queryRaw<{ failedAttempts: number }[]>`
    UPDATE "AuthNonce"
       SET "failedAttempts" = "failedAttempts" + 1,
           "usedAt" = CASE WHEN "failedAttempts" + 1 >= ${MAX_FAILED_SIGNATURES} THEN now() ELSE "usedAt" END
     WHERE nonce = ${nonce} AND "usedAt" IS NULL
     RETURNING "failedAttempts"`;
  const burned = row !== undefined && row.failedAttempts >= MAX_FAILED_SIGNATURES;
  reject(
    "bad_signature",
    burned ? `${message} This nonce has now failed ${MAX_FAILED_SIGNATURES} times and is burned; sign in again.` : message,
  );
}

export interface SignInResult {
  session: { id: string; expiresAt: Date };
  address: `0x${string}`;
  roles: Role[];
}

/**
 * Sign-In with Ethereum. The message is checked before the nonce is touched, so a malformed or foreign
 * message cannot burn a pending nonce; only a signature that fails for it counts against it
 * (MAX_FAILED_SIGNATURES burn it). Then one transaction consumes the nonce with a conditional UPDATE and creates the
 * session. Two concurrent submits of one message race on that UPDATE's row lock: the loser sees
 * zero rows, rolls back, and gets nonce_used, so at most one session exists per nonce.
 */
export async function signInWithEthereum(message: string, signature: `0x${string}`, now = new Date()): Promise<SignInResult> {
  const parsed = parseSiweMessageStrict(message);
  if (!parsed.ok) reject("malformed_message", `The message is not a valid EIP-4361 message: ${parsed.reason}.`);
  const { fields } = parsed;
  checkFields(fields, now);
  await checkNonce(fields.nonce, now);
  await checkSignature(message, signature, fields, now);

  const existing = await db.user.findUnique({ where: { address: fields.address }, select: { banned: true } });
  if (existing?.banned) throw new ApiError(403, "banned", "This account is banned.");

  return db.$transaction(async (tx) => {
    const consumed = await tx.authNonce.updateMany({
      where: { nonce: fields.nonce, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) reject("nonce_used", "This nonce has already been used.");
    // The user row is created on first sign-in; upsert on the unique address is one INSERT ... ON CONFLICT.
    const user = await tx.user.upsert({
      where: { address: fields.address },
      create: { address: fields.address },
      update: {},
      select: { id: true, roles: true, banned: true },
    });
    // Re-checked inside the transaction: a ban that landed after the first check must still win.
    if (user.banned) throw new ApiError(403, "banned", "This account is banned.");
    const session = await createSession(user.id, tx);
    return { session, address: fields.address, roles: rolesFor(fields.address, user.roles) };
  });
}
