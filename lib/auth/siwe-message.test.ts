import { createSiweMessage } from "viem/siwe";
import { describe, expect, it } from "vitest";
import { parseRfc3339, parseSiweMessageStrict } from "@/lib/auth/siwe-message";

const address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
const base = {
  domain: "idlegrid.example.com",
  address,
  statement: "Sign in to Idlegrid.",
  uri: "https://idlegrid.example.com/",
  version: "1" as const,
  chainId: 31337,
  nonce: "a1b2c3d4e5f60718",
  issuedAt: new Date("2026-11-22T10:00:00.000Z"),
  expirationTime: new Date("2026-11-22T10:10:00.000Z"),
};
const good = createSiweMessage(base);

describe("parseSiweMessageStrict accepts", () => {
  it.each([
    ["viem's own message", good],
    ["no statement", createSiweMessage({ ...base, statement: undefined })],
    ["a scheme", createSiweMessage({ ...base, scheme: "https" })],
    ["a port and an IP host", createSiweMessage({ ...base, domain: "127.0.0.1:3100", uri: "http://127.0.0.1:3100" })],
    ["localhost", createSiweMessage({ ...base, domain: "localhost:3000", uri: "http://localhost:3000" })],
    [
      "every optional field",
      createSiweMessage({ ...base, notBefore: base.issuedAt, requestId: "req-1", resources: ["ipfs://bafy", "https://a.example/x"] }),
    ],
    ["a timezone offset", good.replace("2026-11-22T10:00:00.000Z", "2026-11-22T12:00:00+02:00")],
    ["a leap day", good.replace("2026-11-22T10:00:00.000Z", "2028-02-29T10:00:00Z")],
  ])("%s", (_name, message) => {
    const result = parseSiweMessageStrict(message);
    expect(result).toMatchObject({ ok: true });
  });

  it("returns every field", () => {
    const result = parseSiweMessageStrict(createSiweMessage({ ...base, scheme: "https", resources: ["https://a.example/x"] }));
    expect(result).toEqual({
      ok: true,
      fields: {
        scheme: "https",
        domain: "idlegrid.example.com",
        address,
        statement: "Sign in to Idlegrid.",
        uri: "https://idlegrid.example.com/",
        version: "1",
        chainId: 31337,
        nonce: "a1b2c3d4e5f60718",
        issuedAt: base.issuedAt,
        expirationTime: base.expirationTime,
        notBefore: undefined,
        requestId: undefined,
        resources: ["https://a.example/x"],
      },
    });
  });
});

const lines = good.split("\n");
const withLine = (index: number, line: string) => lines.map((l, i) => (i === index ? line : l)).join("\n");
const without = (index: number) => lines.filter((_, i) => i !== index).join("\n");

describe("parseSiweMessageStrict rejects", () => {
  it.each([
    ["an empty message", "", /preamble/],
    ["a missing preamble", withLine(0, "idlegrid.example.com wants you to sign in:"), /preamble/],
    ["userinfo in the domain", withLine(0, "eve@idlegrid.example.com wants you to sign in with your Ethereum account:"), /domain/],
    ["a port out of range", withLine(0, "idlegrid.example.com:70000 wants you to sign in with your Ethereum account:"), /domain/],
    ["a bad scheme", withLine(0, "1http://idlegrid.example.com wants you to sign in with your Ethereum account:"), /scheme/],
    ["a lowercase address", withLine(1, address.toLowerCase()), /EIP-55/],
    ["a wrong checksum", withLine(1, address.replace("f39F", "F39f")), /EIP-55/],
    ["a short address", withLine(1, address.slice(0, 41)), /address/],
    ["a statement with a control character", withLine(3, "Sign in\tnow"), /statement/],
    ["a statement longer than 512", withLine(3, "a".repeat(513)), /statement/],
    ["no empty line after the statement", without(4), /statement/],
    ["a missing URI", without(5), /URI/],
    ["a URI with spaces", withLine(5, "URI: https://idlegrid.example.com/a b"), /URI/],
    ["a relative URI", withLine(5, "URI: /login"), /URI/],
    ["version 2", withLine(6, "Version: 2"), /Version/],
    ["a chain id with a sign", withLine(7, "Chain ID: -1"), /Chain ID/],
    ["a chain id with a leading zero", withLine(7, "Chain ID: 01"), /Chain ID/],
    ["a short nonce", withLine(8, "Nonce: abc"), /Nonce/],
    ["a nonce with punctuation", withLine(8, "Nonce: abcdefgh-1"), /Nonce/],
    ["a missing Issued At", without(9), /Issued At/],
    ["February 30th", withLine(9, "Issued At: 2026-02-30T10:00:00Z"), /Issued At/],
    ["February 29th of a common year", withLine(9, "Issued At: 2027-02-29T10:00:00Z"), /Issued At/],
    ["hour 24", withLine(9, "Issued At: 2026-11-22T24:00:00Z"), /Issued At/],
    ["no timezone", withLine(9, "Issued At: 2026-11-22T10:00:00"), /Issued At/],
    ["a date without time", withLine(9, "Issued At: 2026-11-22"), /Issued At/],
    ["a bad expiration", withLine(10, "Expiration Time: tomorrow"), /Expiration/],
    ["fields out of order", [...lines.slice(0, 6), lines[7], lines[6], ...lines.slice(8)].join("\n"), /Version/],
    ["a repeated field", `${good}\nExpiration Time: 2026-11-22T10:10:00.000Z`, /unexpected line/],
    ["an unknown trailing field", `${good}\nFoo: bar`, /unexpected line/],
    ["a trailing newline", `${good}\n`, /unexpected line/],
    ["CRLF line endings", good.replaceAll("\n", "\r\n"), /LF/],
    ["a bad resource", `${good}\nResources:\n- not a uri`, /resource/],
    [
      "too many resources",
      `${good}\nResources:\n${Array.from({ length: 17 }, (_, i) => `- https://a.example/${i}`).join("\n")}`,
      /too many/,
    ],
    ["a message longer than 4096", good.replace("Sign in to Idlegrid.", "a".repeat(4100)), /too long/],
  ])("%s", (_name, message, reason) => {
    const result = parseSiweMessageStrict(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("parseRfc3339", () => {
  it.each([
    ["2026-11-22T10:00:00Z", "2026-11-22T10:00:00.000Z"],
    ["2026-11-22t10:00:00.123456z", "2026-11-22T10:00:00.123Z"],
    ["2026-11-22T10:00:00-05:30", "2026-11-22T15:30:00.000Z"],
  ])("parses %s", (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2026-13-01T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-11-22T10:60:00Z",
    "2026-11-22T10:00:60Z",
    "2026-11-22T10:00:00+24:00",
    "2026-11-22 10:00:00Z",
  ])("rejects %s", (text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});
