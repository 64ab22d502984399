/**
 * Sign-in cannot be flooded: X-Forwarded-For counts only behind a configured proxy, /api/auth/verify is
 * limited per client, a nonce burns after three failed signatures, signatures have a size cap, and plain
 * wallets are verified without the chain (an RPC proxy counts what reaches the node).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddress, SHARED_CLIENT } from "@/lib/core/server/client-address";
import { db } from "@/lib/core/server/db";
import { appUrl, browserHeaders, createNonce, signedSiweBody, siweMessageFor } from "@/test/auth";

const newAccount = () => privateKeyToAccount(generatePrivateKey());
const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("never trusts X-Forwarded-For without a configured proxy", () => {
    expect(clientAddress(xff("198.51.100.1"), 0)).toBe(SHARED_CLIENT);
    expect(clientAddress(xff("198.51.100.2"), 0)).toBe(SHARED_CLIENT);
  });

  it("takes the address the N-th proxy from the right saw, whatever the client prepends", () => {
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("1.1.1.1, 2.2.2.2, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientAddress(xff("198.51.100.7"), 2)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), 1)).toBe(SHARED_CLIENT);
    expect(clientAddress(xff("not an address"), 1)).toBe(SHARED_CLIENT);
  });
});

describe("with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
    vi.stubEnv("AUTH_NONCES_PER_MINUTE", "5");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("a rotating X-Forwarded-For does not reset the nonce limit", async () => {
    // Earlier tests in this file may have issued shared-bucket nonces; start this minute clean.
    await db.authNonce.deleteMany({
      where: { clientKey: (await import("@/lib/core/server/client-address")).clientKey(new Request(appUrl)) },
    });
    const { GET } = await import("@/app/api/auth/nonce/route");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await GET(
        new Request(`${appUrl.origin}/api/auth/nonce`, { headers: { "x-forwarded-for": `203.0.113.${i}` } }),
        undefined,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});

describe("POST /api/auth/verify limits", () => {
  // A fresh module registry: the limiter is per process (per module instance here), and env.js is read
  // again with the suite's own variables (one trusted proxy), not the ones stubbed above.
  beforeAll(() => {
    vi.resetModules();
  });
  const post = async (body: unknown, headers = browserHeaders()) => {
    const { POST } = await import("@/app/api/auth/verify/route");
    return POST(new Request(`${appUrl.origin}/api/auth/verify`, { method: "POST", headers, body: JSON.stringify(body) }), undefined);
  };

  it("limits attempts per client (AUTH_VERIFY_PER_MINUTE, default 10) and answers 429 with Retry-After", async () => {
    const ip = "192.0.2.201";
    const account = newAccount();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const body = await signedSiweBody(account, await createNonce());
      statuses.push(
        (await post({ ...body, signature: `${body.signature.slice(0, -4)}0000` }, browserHeaders(undefined, { "x-forwarded-for": ip })))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await post(await signedSiweBody(account, await createNonce()), browserHeaders(undefined, { "x-forwarded-for": ip }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(statuses[10]).toBe(429);
    // Another client is not affected.
    expect(
      (await post(await signedSiweBody(account, await createNonce()), browserHeaders(undefined, { "x-forwarded-for": "192.0.2.202" })))
        .status,
    ).toBe(200);
  });

  it("burns a nonce after three failed signatures: even the right signature then gets nonce_used", async () => {
    const account = newAccount();
    const nonce = await createNonce();
    const good = await signedSiweBody(account, nonce);
    for (let i = 0; i < 2; i++) {
      const res = await post({ message: good.message, signature: await newAccount().signMessage({ message: good.message }) });
      expect(await res.json()).toMatchObject({ error: "bad_signature" });
      expect((await db.authNonce.findUniqueOrThrow({ where: { nonce } })).usedAt).toBeNull();
    }
    const third = await post({ message: good.message, signature: await newAccount().signMessage({ message: good.message }) });
    expect((await third.json()).message).toMatch(/burned/);
    expect((await db.authNonce.findUniqueOrThrow({ where: { nonce } })).usedAt).not.toBeNull();
    const res = await post(good);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "nonce_used" });
  });

  it("refuses a signature over 4 KB before looking at it", async () => {
    const account = newAccount();
    const message = siweMessageFor(account, await createNonce());
    const res = await post({ message, signature: `0x${"ab".repeat(4097)}` });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toBe("malformed_message");
    expect(body.fieldErrors.signature).toEqual(["must be at most 4096 bytes"]);
  });
});

describe("POST /api/auth/verify asks the chain only when it has a say", () => {
  const methods: string[] = [];
  let proxy: http.Server;

  beforeAll(async () => {
    // A JSON-RPC proxy in front of the test anvil that records every method the server calls.
    const upstream = process.env.RPC_URL as string;
    proxy = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", async () => {
        const parsed = JSON.parse(body) as { method: string } | { method: string }[];
        for (const call of [parsed].flat()) methods.push(call.method);
        const answer = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body });
        res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  });
  afterAll(() => new Promise<void>((r) => proxy.close(() => r())));
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv("RPC_URL", `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    methods.length = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  const post = async (body: unknown) => {
    const { POST } = await import("@/app/api/auth/verify/route");
    return POST(
      new Request(`${appUrl.origin}/api/auth/verify`, { method: "POST", headers: browserHeaders(), body: JSON.stringify(body) }),
      undefined,
    );
  };

  it("signs a plain wallet in with no RPC call at all", async () => {
    const res = await post(await signedSiweBody(newAccount(), await createNonce()));
    expect(res.status).toBe(200);
    expect(methods).toEqual([]);
  });

  it("answers a wrong signature for an address without code after one eth_getCode, never an eth_call", async () => {
    const account = newAccount();
    const message = siweMessageFor(account, await createNonce());
    const res = await post({ message, signature: await newAccount().signMessage({ message }) });
    expect(await res.json()).toMatchObject({ error: "bad_signature" });
    expect(methods).toEqual(["eth_getCode"]);
  });
});
