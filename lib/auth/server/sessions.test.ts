/**
 * In production over https the session cookie is `__Host-` prefixed (Secure, Path=/, no Domain: no
 * subdomain can set or shadow it), and clearing it repeats those attributes, without which a browser
 * ignores the deletion. Elsewhere (dev, tests, the e2e stack on 127.0.0.1) it stays a plain cookie.
 */
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNonce, signedSiweBody } from "@/test/auth";

describe("the session cookie's name and attributes", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  it("is __Host-idlegrid_session, Secure with Path=/ and no Domain, in production on https", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_URL", "https://idlegrid.example.com");
    const { SESSION_COOKIE, sessionCookieOptions, expiredSessionCookie } = await import("@/lib/auth/server/sessions");
    expect(SESSION_COOKIE).toBe("__Host-idlegrid_session");
    expect(sessionCookieOptions(new Date())).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
    expect(expiredSessionCookie()).toMatchObject({
      name: "__Host-idlegrid_session",
      value: "",
      secure: true,
      path: "/",
      expires: new Date(0),
    });

    // A real sign-in on that deployment sets it so.
    const account = privateKeyToAccount(generatePrivateKey());
    const { POST } = await import("@/app/api/auth/verify/route");
    const body = await signedSiweBody(account, await createNonce(), {
      domain: "idlegrid.example.com",
      uri: "https://idlegrid.example.com",
    });
    const res = await POST(
      new Request("https://idlegrid.example.com/api/auth/verify", {
        method: "POST",
        headers: { origin: "https://idlegrid.example.com", "content-type": "application/json", "x-forwarded-for": "198.51.100.90" },
        body: JSON.stringify(body),
      }),
      undefined,
    );
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-idlegrid_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it("stays idlegrid_session without Secure off production and on a loopback production stack", async () => {
    const plain = await import("@/lib/auth/server/sessions");
    expect(plain.SESSION_COOKIE).toBe("idlegrid_session");
    vi.resetModules();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_URL", "http://127.0.0.1:3100");
    const loopback = await import("@/lib/auth/server/sessions");
    expect(loopback.SESSION_COOKIE).toBe("idlegrid_session");
    expect(loopback.sessionCookieOptions(new Date()).secure).toBe(false);
  });
});
