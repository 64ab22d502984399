/**
 * Pages get a Content-Security-Policy with a fresh nonce per request (proxy.ts) that forbids framing and
 * scripts without the nonce; every response gets nosniff, a Referrer-Policy and DENY framing (next.config.js).
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig, { securityHeaders } from "@/next.config.js";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy } from "@/lib/core/csp";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `) || d === name);

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts only with the nonce (and what they load), no framing, no plugins, no foreign forms", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", dev: false, rpcOrigins: ["http://127.0.0.1:8545"], https: true });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
    expect(directive(policy, "form-action")).toBe("form-action 'self'");
    expect(directive(policy, "connect-src")).toContain("http://127.0.0.1:8545");
    expect(directive(policy, "upgrade-insecure-requests")).toBe("upgrade-insecure-requests");
    expect(policy).not.toContain("unsafe-eval");
    // next dev needs eval for React's debug stacks; only there.
    expect(directive(contentSecurityPolicy({ nonce: "n", dev: true, rpcOrigins: [], https: false }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("proxy.ts gives every page request its own nonce, on the response and on the request Next.js renders", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = proxy(new NextRequest("http://localhost:3000/marketplace"));
      const policy = res.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce ?? "");
      // Next.js forwards the overridden request headers to the render, where it reads the nonce.
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
      // The local anvil the browser reads the chain from is allowed; the test env serves http, so no upgrade.
      expect(directive(policy, "connect-src")).toContain(new URL(process.env.RPC_URL as string).origin);
    }
    expect(nonces.size).toBe(3);
  });

  it("leaves API routes, static files and prefetches to the static headers", () => {
    const [matcher] = config.matcher;
    // The source is path-to-regexp syntax that is also a plain regular expression.
    const pattern = new RegExp(`^${matcher!.source}$`);
    for (const path of ["/", "/marketplace", "/orders/abc", "/sign-in"]) expect(pattern.test(path), path).toBe(true);
    for (const path of ["/api/health", "/_next/static/chunks/a.js", "/favicon.ico", "/icon.svg", "/manifest.webmanifest"])
      expect(pattern.test(path), path).toBe(false);
    expect(matcher!.missing.map((m) => m.key)).toEqual(["next-router-prefetch", "purpose"]);
  });
});

describe("headers on every response", () => {
  it("sends nosniff, a Referrer-Policy and no framing for every path", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: "/:path*", headers: securityHeaders }]);
    const byKey = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));
    expect(byKey).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
