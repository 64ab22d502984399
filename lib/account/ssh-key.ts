/**
 * Saved SSH public keys. Only the three key types every current OpenSSH server accepts; the base64
 * body is decoded and its structure checked (the embedded type must match, sizes must be those of
 * the type), so a truncated paste or a private key never gets saved. Client-safe (atob, no Node).
 */
import { z } from "zod";
import { recordIdPattern } from "@/lib/core/fields";

export const SSH_KEY_TYPES = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256"] as const;
export const MAX_SSH_KEYS_PER_USER = 20;

/** Length-prefixed fields of the SSH wire format (RFC 4251 "string"/"mpint"), or null when malformed. */
function wireFields(bytes: Uint8Array): Uint8Array[] | null {
  const fields: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) return null;
    const len = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    at += 4;
    if (at + len > bytes.length) return null;
    fields.push(bytes.subarray(at, at + len));
    at += len;
  }
  return fields;
}

function decodeBase64(body: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Why the body does not hold a key of `type`, or null when it does. */
export function sshKeyBodyProblem(type: (typeof SSH_KEY_TYPES)[number], body: string): string | null {
  const bytes = decodeBase64(body);
  if (!bytes) return "has a key body that is not base64";
  const fields = wireFields(bytes);
  if (!fields || new TextDecoder().decode(fields[0]) !== type)
    return `has a key body that is not a ${type} key (truncated or mislabelled?)`;
  if (type === "ssh-ed25519") return fields.length === 2 && fields[1]!.length === 32 ? null : "has a malformed ssh-ed25519 key body";
  if (type === "ecdsa-sha2-nistp256") {
    const ok = fields.length === 3 && new TextDecoder().decode(fields[1]) === "nistp256" && fields[2]!.length === 65 && fields[2]![0] === 4;
    return ok ? null : "has a malformed ecdsa-sha2-nistp256 key body";
  }
  // ssh-rsa: exponent, then the modulus (an mpint may carry one leading zero byte).
  if (fields.length !== 3) return "has a malformed ssh-rsa key body";
  const modulus = fields[2]!;
  const bits = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
  if (bits < 2048) return "is an RSA key shorter than 2048 bits; use ssh-ed25519 or a longer RSA key";
  return bits > 16384 ? "is an RSA key longer than 16384 bits" : null;
}

/** Type, base64 body, and an optional comment of printable characters (no controls: it ends up in authorized_keys). */
const keyLine = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256) ([A-Za-z0-9+/]+={0,2})(?: ([^\p{Cc}]{1,200}))?$/u;

/** One OpenSSH public key line, normalised to single spaces; the structure of the body is checked. */
export const savedSshKeyField = z
  .string()
  .trim()
  .max(4000, "is too long for a public key")
  .transform((s) => s.replace(/[ \t]+/g, " "))
  .superRefine((line, ctx) => {
    const m = keyLine.exec(line);
    if (!m) {
      ctx.addIssue({
        code: "custom",
        message: `must be one OpenSSH public key line of type ${SSH_KEY_TYPES.join(", ")}, e.g. "ssh-ed25519 AAAA… you@laptop"`,
      });
      return;
    }
    const problem = sshKeyBodyProblem(m[1] as (typeof SSH_KEY_TYPES)[number], m[2]!);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const createSshKeySchema = z.object({
  label: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(64, "must be at most 64 characters")
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters"),
  publicKey: savedSshKeyField,
});
export type CreateSshKeyInput = z.output<typeof createSshKeySchema>;

export const sshKeyIdPattern = recordIdPattern;
