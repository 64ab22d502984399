import { getAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { GET as getNonce } from "@/app/api/auth/nonce/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as getSession } from "@/app/api/auth/session/route";
import { POST as verify } from "@/app/api/auth/verify/route";
import { NONCE_RATE_LIMIT } from "@/lib/auth/server/nonces";
import { SESSION_COOKIE, sessionRowId } from "@/lib/auth/server/sessions";
import { db } from "@/lib/core/server/db";
import { appUrl, browserHeaders, createNonce, signedInHeaders, signedSiweBody, siweMessageFor } from "@/test/auth";
import { createUser } from "@/test/factories";

const newAccount = () => privateKeyToAccount(generatePrivateKey());

function post(body: unknown, headers = browserHeaders()) {
  return verify(new Request(`${appUrl.origin}/api/auth/verify`, { method: "POST", headers, body: JSON.stringify(body) }), undefined);
}

function sessionOf(headers: Headers) {
  return getSession(new Request(`${appUrl.origin}/api/auth/session`, { headers }), undefined);
}

function sessionCount(address: string) {
  return db.session.count({ where: { user: { address: getAddress(address) } } });
}

function cookieToken(res: Response): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error("no session cookie set");
  return match[1];
}

async function issueNonce(ip = "203.0.113.7") {
  const res = await getNonce(new Request(`${appUrl.origin}/api/auth/nonce`, { headers: { "x-forwarded-for": ip } }), undefined);
  return { res, body: (await res.json()) as { nonce: string; expiresAt: string; error?: string } };
}

describe("GET /api/auth/nonce", () => {
  it("issues a random single-use nonce that expires in five minutes", async () => {
    const { res, body } = await issueNonce(`198.51.100.${Math.floor(Math.random() * 250)}`);
    expect(res.status).toBe(200);
    expect(body.nonce).toMatch(/^[0-9a-f]{32}$/);
    const ttl = new Date(body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(4.9 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(5 * 60 * 1000);
    const row = await db.authNonce.findUniqueOrThrow({ where: { nonce: body.nonce } });
    expect(row.usedAt).toBeNull();
  });

  it("rate-limits each client, not everyone", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < NONCE_RATE_LIMIT.max; i++) expect((await issueNonce(ip)).res.status).toBe(200);
    const limited = await issueNonce(ip);
    expect(limited.res.status).toBe(429);
    expect(limited.body.error).toBe("rate_limited");
    expect((await issueNonce("192.0.2.45")).res.status).toBe(200);
  });
});

describe("POST /api/auth/verify", () => {
  it("signs in with a real signature: creates the user, a session cookie and marks the nonce used", async () => {
    const account = newAccount();
    const { body: issued } = await issueNonce(`198.51.100.${Math.floor(Math.random() * 250)}`);
    const res = await post(await signedSiweBody(account, issued.nonce));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ address: account.address, roles: [], isAdmin: false });

    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Expires=/i);
    expect(setCookie).not.toMatch(/Secure/i); // tests run on http://localhost, NODE_ENV=test

    const me = await sessionOf(browserHeaders(cookieToken(res)));
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ address: account.address, roles: [], isAdmin: false });
    expect((await db.authNonce.findUniqueOrThrow({ where: { nonce: issued.nonce } })).usedAt).not.toBeNull();
    // Only the hash of the cookie token is stored.
    expect(await db.session.findUnique({ where: { id: cookieToken(res) } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sessionRowId(cookieToken(res)) } })).not.toBeNull();
  });

  it("reports database roles", async () => {
    const account = newAccount();
    await createUser({ address: account.address, roles: ["ADMIN"] });
    const res = await post(await signedSiweBody(account, await createNonce()));
    expect(await res.json()).toEqual({ address: account.address, roles: ["ADMIN"], isAdmin: true });
  });

  it("refuses a replayed nonce and keeps the one session", async () => {
    const account = newAccount();
    const body = await signedSiweBody(account, await createNonce());
    expect((await post(body)).status).toBe(200);
    const replay = await post(body);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: "nonce_used" });
    expect(await sessionCount(account.address)).toBe(1);
  });

  it("creates at most one session when the same message is submitted twice at once", async () => {
    const account = newAccount();
    const body = await signedSiweBody(account, await createNonce());
    const results = await Promise.all([post(body), post(body), post(body)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401, 401]);
    for (const r of results.filter((r) => r.status === 401)) expect(await r.json()).toMatchObject({ error: "nonce_used" });
    expect(await sessionCount(account.address)).toBe(1);
  });

  it("refuses a request from another origin before looking at the message", async () => {
    const account = newAccount();
    const nonce = await createNonce();
    const res = await post(await signedSiweBody(account, nonce), browserHeaders(undefined, { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "bad_origin" });
    const noOrigin = browserHeaders();
    noOrigin.delete("origin");
    expect((await post(await signedSiweBody(account, nonce), noOrigin)).status).toBe(403);
    expect((await db.authNonce.findUniqueOrThrow({ where: { nonce } })).usedAt).toBeNull();
  });

  const minute = 60 * 1000;
  type Case = { reason: string; make: (account: ReturnType<typeof newAccount>) => Promise<{ message: string; signature: string }> };
  const failures: Case[] = [
    { reason: "nonce_unknown", make: (a) => signedSiweBody(a, "neverissued123") },
    { reason: "nonce_expired", make: async (a) => signedSiweBody(a, await createNonce({ expiresInMs: -1000 })) },
    { reason: "nonce_used", make: async (a) => signedSiweBody(a, await createNonce({ used: true })) },
    {
      reason: "domain_mismatch",
      make: async (a) => signedSiweBody(a, await createNonce(), { domain: "evil.example", uri: "https://evil.example/login" }),
    },
    { reason: "domain_mismatch", make: async (a) => signedSiweBody(a, await createNonce(), { scheme: "https" }) },
    { reason: "uri_mismatch", make: async (a) => signedSiweBody(a, await createNonce(), { uri: "https://evil.example/" }) },
    { reason: "chain_unsupported", make: async (a) => signedSiweBody(a, await createNonce(), { chainId: 8453 }) },
    {
      reason: "expired",
      make: async (a) =>
        signedSiweBody(a, await createNonce(), {
          issuedAt: new Date(Date.now() - 20 * minute),
          expirationTime: new Date(Date.now() - minute),
        }),
    },
    {
      reason: "not_yet_valid",
      make: async (a) => signedSiweBody(a, await createNonce(), { notBefore: new Date(Date.now() + 10 * minute) }),
    },
    {
      reason: "not_yet_valid",
      make: async (a) => signedSiweBody(a, await createNonce(), { issuedAt: new Date(Date.now() + 10 * minute) }),
    },
    {
      reason: "bad_signature",
      make: async (a) => {
        const message = siweMessageFor(a, await createNonce());
        return { message, signature: await newAccount().signMessage({ message }) };
      },
    },
    {
      reason: "bad_signature",
      make: async (a) => ({ message: siweMessageFor(a, await createNonce()), signature: "0xdeadbeef" }),
    },
    {
      reason: "malformed_message",
      make: async (a) => {
        const message = siweMessageFor(a, await createNonce()).replace(a.address, a.address.toLowerCase());
        return { message, signature: await a.signMessage({ message }) };
      },
    },
    {
      reason: "malformed_message",
      make: async (a) => {
        const message = `${siweMessageFor(a, await createNonce())}\nExtra: field`;
        return { message, signature: await a.signMessage({ message }) };
      },
    },
    { reason: "malformed_message", make: async () => ({ message: "hello", signature: "0x00" }) },
    { reason: "malformed_message", make: async (a) => ({ message: siweMessageFor(a, await createNonce()), signature: "not hex" }) },
  ];

  it.each(failures.map((c, i) => [c.reason, i, c] as const))(
    "fails with 401 %s (case %i), leaving no session and the nonce pending",
    async (reason, _i, c) => {
      const account = newAccount();
      const body = await c.make(account);
      const nonce = /Nonce: (\w+)/.exec(body.message)?.[1];
      const before = nonce ? await db.authNonce.findUnique({ where: { nonce } }) : null;

      const res = await post(body);
      expect(res.status).toBe(401);
      const json = (await res.json()) as { error: string; message: string };
      expect(json.error).toBe(reason);
      expect(json.message).toBeTruthy();
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await sessionCount(account.address)).toBe(0);
      // Garbage must never burn a pending nonce.
      if (before) expect((await db.authNonce.findUniqueOrThrow({ where: { nonce: before.nonce } })).usedAt).toEqual(before.usedAt);
    },
  );
});

describe("banned users", () => {
  it("cannot sign in", async () => {
    const account = newAccount();
    await createUser({ address: account.address, banned: true, bannedReason: "fraud" });
    const res = await post(await signedSiweBody(account, await createNonce()));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "banned" });
    expect(await sessionCount(account.address)).toBe(0);
  });

  it("lose their existing session at once", async () => {
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    expect((await sessionOf(headers)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { banned: true } });
    const res = await sessionOf(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toContain(`${SESSION_COOKIE}=;`);
  });
});

describe("sessions", () => {
  it("GET /api/auth/session is 401 without a cookie, with a garbage cookie and with an expired session", async () => {
    expect((await sessionOf(browserHeaders())).status).toBe(401);
    expect((await sessionOf(browserHeaders("garbage"))).status).toBe(401);
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await sessionOf(headers)).status).toBe(401);
  });

  it("logout deletes the session row and clears the cookie", async () => {
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    const res = await logout(new Request(`${appUrl.origin}/api/auth/logout`, { method: "POST", headers }), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain(`${SESSION_COOKIE}=;`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await sessionOf(headers)).status).toBe(401);
  });
});
