/**
 * The two secrets of pairing: a one-time code a person types on the GPU host, and the credential the
 * agent keeps. Both are stored only as SHA-256 hashes. No "server-only": `npm run dev` (scripts/) writes
 * the demo machines' codes with the same functions.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { pairingCodeField } from "@/agent/protocol";

/** Letters and digits a person cannot confuse when typing (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

/**
 * "XXXX-XXXX-XXXX": 12 symbols of 31, about 59 bits. The code lives 10 minutes, works once, and pairing
 * attempts are rate-limited per client, so guessing one is hopeless.
 */
export function newPairingCode(): string {
  const symbols = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The hash a code is stored and looked up by: the agent's schema trims and upper-cases what was typed. */
export function pairingCodeHash(code: string): string {
  return sha256Hex(pairingCodeField.parse(code));
}

export const CREDENTIAL_PREFIX = "iga_";

/** 32 random bytes as base64url after a recognisable prefix (so a leaked one can be found by secret scanners). */
export function newCredential(): { credential: string; prefix: string; hash: string } {
  const credential = `${CREDENTIAL_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { credential, prefix: credential.slice(0, 12), hash: sha256Hex(credential) };
}

/** Whether a bearer token has the shape of a credential this server issues (43 base64url characters after the prefix). */
export function isWellFormedCredential(token: string): boolean {
  return /^iga_[A-Za-z0-9_-]{43}$/.test(token);
}
