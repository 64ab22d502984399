/** Real OpenSSH public key lines for tests, built from fresh Node key pairs (each call gives a new key). */
import { generateKeyPairSync } from "node:crypto";

function wire(...fields: Buffer[]): string {
  return Buffer.concat(
    fields.flatMap((f) => [Buffer.from([f.length >>> 24, (f.length >>> 16) & 255, (f.length >>> 8) & 255, f.length & 255]), f]),
  ).toString("base64");
}
const b64url = (s: string | undefined) => Buffer.from(s ?? "", "base64url");
/** An SSH mpint: big-endian, with a zero byte in front when the high bit is set. */
const mpint = (b: Buffer) => ((b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);

export function ed25519Key(comment = "me@laptop"): string {
  const jwk = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  return `ssh-ed25519 ${wire(Buffer.from("ssh-ed25519"), b64url(jwk.x))} ${comment}`;
}

export function rsaKey(bits = 2048, comment = "me@desktop"): string {
  const jwk = generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ format: "jwk" });
  return `ssh-rsa ${wire(Buffer.from("ssh-rsa"), mpint(b64url(jwk.e)), mpint(b64url(jwk.n)))} ${comment}`;
}

export function ecdsaKey(comment = "me@yubikey"): string {
  const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
  const point = Buffer.concat([Buffer.from([4]), b64url(jwk.x), b64url(jwk.y)]);
  return `ecdsa-sha2-nistp256 ${wire(Buffer.from("ecdsa-sha2-nistp256"), Buffer.from("nistp256"), point)} ${comment}`;
}
