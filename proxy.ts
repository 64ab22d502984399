/**
 * Runs before every page (Next.js 16's proxy, formerly middleware): a fresh CSP nonce per request, put on
 * the request's Content-Security-Policy header (Next.js reads the nonce from there and puts it on its own
 * scripts) and on the response. API routes, static files and prefetches are left out: they carry no HTML.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { contentSecurityPolicy, newNonce } from "@/lib/core/csp";

/** The http(s) origins browsers read the chain through (lib/chain/server/client-config.ts hands them out). */
const rpcOrigins = [
  ...new Set(
    [env.PUBLIC_RPC_URL, isLocalChain(env.CHAIN_ID) ? env.RPC_URL : undefined]
      .filter((u): u is string => !!u)
      .map((u) => new URL(u).origin),
  ),
];
const https = new URL(env.APP_URL).protocol === "https:";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development", rpcOrigins, https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|og-image).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
