import { getAddress } from "viem";
import { z } from "zod";

/**
 * A strict EIP-4361 (Sign-In with Ethereum) parser. viem's parseSiweMessage is lenient by design:
 * it picks fields out with regexes and ignores whatever else the text says. A signature covers the
 * whole text, so the server must know the whole text means exactly what it checks: this parser
 * accepts only the EIP's grammar, line by line, in order, with nothing before or after.
 * Stricter than the ABNF where that costs nothing: no userinfo in the domain, no leap seconds,
 * bounded lengths, at most 16 resources.
 */

export interface SiweFields {
  scheme?: string;
  /** RFC 3986 authority: host[:port] */
  domain: string;
  /** EIP-55 checksummed */
  address: `0x${string}`;
  statement?: string;
  uri: string;
  version: "1";
  chainId: number;
  nonce: string;
  issuedAt: Date;
  expirationTime?: Date;
  notBefore?: Date;
  requestId?: string;
  resources: string[];
}

export type SiweParseResult = { ok: true; fields: SiweFields } | { ok: false; reason: string };

export const SIWE_LIMITS = {
  message: 4096,
  domain: 261,
  statement: 512,
  uri: 1024,
  requestId: 200,
  resources: 16,
  /**
   * A plain ECDSA signature is 65 bytes; smart-wallet ones (EIP-1271, WebAuthn passkeys, wrapped in
   * EIP-6492 before deployment with the factory call) run to 1-2 KB. More is not a signature anyone sends.
   */
  signatureBytes: 4096,
} as const;

const PREAMBLE = " wants you to sign in with your Ethereum account:";
const schemeRe = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;
const regNameRe = /^(?:[a-zA-Z0-9-._~!$&'()*+,;=]|%[0-9a-fA-F]{2})+$/;
const ipv6Re = /^\[[0-9a-fA-F:.]+\]$/;
const portRe = /^[0-9]{1,5}$/;
const addressRe = /^0x[0-9a-fA-F]{40}$/;
/** ABNF: statement = *( reserved / unreserved / " " ) */
const statementRe = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]+$/;
const uriRe = /^[a-zA-Z][a-zA-Z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9a-fA-F]{2})+$/;
const nonceRe = /^[a-zA-Z0-9]{8,64}$/;
const chainIdRe = /^[1-9][0-9]{0,15}$/;
/** ABNF: request-id = *pchar */
const requestIdRe = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*$/;
const dateTimeRe = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function isAuthority(value: string): boolean {
  if (value.length === 0 || value.length > SIWE_LIMITS.domain) return false;
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::([^:]*))?$/.exec(value);
  if (!match) return false;
  const [, host = "", port] = match;
  if (port !== undefined && (!portRe.test(port) || Number(port) > 65535)) return false;
  return ipv6Re.test(host) || regNameRe.test(host);
}

export function isRfc3986Uri(value: string): boolean {
  if (value.length > SIWE_LIMITS.uri || !uriRe.test(value)) return false;
  return URL.canParse(value);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** RFC 3339 date-time that names a real calendar instant (no 2025-02-30, no 25:00). */
export function parseRfc3339(value: string): Date | undefined {
  const m = dateTimeRe.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function fail(reason: string): SiweParseResult {
  return { ok: false, reason };
}

/** Parses an EIP-4361 message; the reason names the first thing that is wrong. */
export function parseSiweMessageStrict(message: string): SiweParseResult {
  if (message.length > SIWE_LIMITS.message) return fail("message is too long");
  if (message.includes("\r")) return fail("lines must end with LF only");
  const lines = message.split("\n");
  let i = 0;
  const next = () => lines[i++];

  const first = next() ?? "";
  if (!first.endsWith(PREAMBLE)) return fail("first line must end with the sign-in preamble");
  let origin = first.slice(0, -PREAMBLE.length);
  let scheme: string | undefined;
  const sep = origin.indexOf("://");
  if (sep !== -1) {
    scheme = origin.slice(0, sep);
    origin = origin.slice(sep + 3);
    if (!schemeRe.test(scheme)) return fail("scheme is not an RFC 3986 scheme");
  }
  if (!isAuthority(origin)) return fail("domain is not an RFC 3986 authority");

  const rawAddress = next() ?? "";
  if (!addressRe.test(rawAddress)) return fail("address is not a 20-byte hex address");
  const address = getAddress(rawAddress);
  if (address !== rawAddress) return fail("address is not EIP-55 checksummed");
  if (next() !== "") return fail("an empty line must follow the address");

  let statement: string | undefined;
  const maybeStatement = next();
  if (maybeStatement !== "") {
    if (maybeStatement === undefined || maybeStatement.length > SIWE_LIMITS.statement || !statementRe.test(maybeStatement))
      return fail("statement has characters EIP-4361 does not allow, or is too long");
    statement = maybeStatement;
    if (next() !== "") return fail("an empty line must follow the statement");
  }

  const field = (name: string): string | undefined => {
    const line = lines[i];
    if (line === undefined || !line.startsWith(`${name}: `)) return undefined;
    i++;
    return line.slice(name.length + 2);
  };

  const uri = field("URI");
  if (uri === undefined || !isRfc3986Uri(uri)) return fail("URI is missing or not an RFC 3986 URI");
  if (field("Version") !== "1") return fail("Version must be 1");
  const chainId = field("Chain ID");
  if (chainId === undefined || !chainIdRe.test(chainId)) return fail("Chain ID is missing or not a decimal number");
  const nonce = field("Nonce");
  if (nonce === undefined || !nonceRe.test(nonce)) return fail("Nonce must be 8 to 64 letters and digits");
  const issuedAtText = field("Issued At");
  const issuedAt = issuedAtText === undefined ? undefined : parseRfc3339(issuedAtText);
  if (!issuedAt) return fail("Issued At is missing or not an RFC 3339 date-time");

  let expirationTime: Date | undefined;
  const expirationText = field("Expiration Time");
  if (expirationText !== undefined) {
    expirationTime = parseRfc3339(expirationText);
    if (!expirationTime) return fail("Expiration Time is not an RFC 3339 date-time");
  }
  let notBefore: Date | undefined;
  const notBeforeText = field("Not Before");
  if (notBeforeText !== undefined) {
    notBefore = parseRfc3339(notBeforeText);
    if (!notBefore) return fail("Not Before is not an RFC 3339 date-time");
  }
  const requestId = field("Request ID");
  if (requestId !== undefined && (requestId.length > SIWE_LIMITS.requestId || !requestIdRe.test(requestId)))
    return fail("Request ID has characters outside RFC 3986 pchar, or is too long");

  const resources: string[] = [];
  if (lines[i] === "Resources:") {
    i++;
    while (i < lines.length) {
      const line = lines[i++] ?? "";
      if (!line.startsWith("- ") || !isRfc3986Uri(line.slice(2))) return fail("each resource must be '- ' and an RFC 3986 URI");
      resources.push(line.slice(2));
      if (resources.length > SIWE_LIMITS.resources) return fail("too many resources");
    }
  }
  if (i !== lines.length) return fail(`unexpected line ${i + 1}: fields are missing, out of order or repeated`);

  return {
    ok: true,
    fields: {
      scheme,
      domain: origin,
      address,
      statement,
      uri,
      version: "1",
      chainId: Number(chainId),
      nonce,
      issuedAt,
      expirationTime,
      notBefore,
      requestId,
      resources,
    },
  };
}

/** The body of POST /api/auth/verify. The message is checked by the strict parser, not here. */
export const siweVerifyBody = z.object({
  message: z.string().min(1).max(SIWE_LIMITS.message),
  signature: z
    .string()
    .max(2 + 2 * SIWE_LIMITS.signatureBytes, `must be at most ${SIWE_LIMITS.signatureBytes} bytes`)
    .regex(/^0x(?:[0-9a-fA-F]{2})+$/, "must be 0x-prefixed hex"),
});
