/**
 * Where webhooks may be sent. Idlegrid's server makes the request, so an endpoint pointing into its
 * own network (a database, a cloud metadata service) would let any user probe it (SSRF). In
 * production an endpoint must be https and every address its host resolves to must be public; the
 * check runs on the URL at registration and on each address at connect time (server/send.ts), so a
 * DNS answer that changes after registration is caught too. Outside production, plain http is allowed
 * for a receiver on this machine, so a developer can run one locally.
 */
import { BlockList, isIP } from "node:net";

/**
 * Not reachable from the public internet, or not an address at all (RFC 6890 and friends). Two lists,
 * because a BlockList matches IPv4 addresses against its IPv6 rules too (as ::ffff:a.b.c.d), and the
 * rule refusing every IPv4-mapped IPv6 address would then refuse every IPv4 address.
 */
const nonPublic4 = new BlockList();
const nonPublic6 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  nonPublic4.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  // IPv4 inside IPv6 (mapped, NAT64, 6to4) could hide any of the above: refused whole.
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["2002::", 16],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  nonPublic6.addSubnet(net, prefix, "ipv6");
}

/** Whether `ip` (a literal IPv4 or IPv6 address) is one a webhook may be sent to in production. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return family === 4 ? !nonPublic4.check(ip, "ipv4") : !nonPublic6.check(ip, "ipv6");
}

const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why `url` cannot be a webhook endpoint, or null when it may (its host's addresses are checked
 * separately once resolved). `production`: NODE_ENV is production.
 */
export function endpointUrlProblem(url: URL, production: boolean): string | null {
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.hash) return "must not contain a #fragment";
  const local = localHosts.has(url.hostname);
  if (url.protocol === "http:") return !production && local ? null : "must be an https:// URL (http only for localhost in development)";
  if (url.protocol !== "https:") return "must be an https:// URL";
  if (!production) return null;
  if (local || url.hostname.endsWith(".localhost")) return "must not point at this server (localhost)";
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !isPublicAddress(literal)) return "must not point at a private, loopback or link-local address";
  return null;
}
