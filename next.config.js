// Importing the validated environment makes a bad or missing variable fail
// `next build` and `next start` with a message naming it.
import "./env.js";

/**
 * On every response, pages, API and static files alike (pages also get their nonce CSP from proxy.ts):
 * no MIME sniffing, no full URLs (with ids and cursors) in the Referer sent to other sites, no framing
 * for browsers that predate CSP's frame-ancestors, and no camera, microphone or location for anyone.
 */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg is a Node driver; bundling it gains nothing and breaks its optional native binding lookup.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
