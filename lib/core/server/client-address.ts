import "server-only";
/**
 * Who is asking, for rate limits. Next's server copies the socket address into X-Forwarded-For only
 * when the request has none, so without a proxy in front the header is whatever the client sent:
 * rotating it would give a fresh limit per request. It is read only as far as TRUSTED_PROXY_HOPS says.
 */
import { createHash } from "node:crypto";
import { env } from "@/env";

/** Clients that cannot be told apart share this bucket (no trusted proxy, or no usable header). */
export const SHARED_CLIENT = "shared";

/** An IPv4/IPv6 address as proxies write it (optionally with a port); anything else is not trusted. */
const addressLike = /^[0-9A-Fa-f:.[\]]{2,64}$/;

/**
 * The client's address from X-Forwarded-For behind `trustedHops` proxies that each append what they saw:
 * the `trustedHops`-th entry from the right. Entries further left were written by the client. With no
 * trusted proxy, every client is SHARED_CLIENT: safe against forged headers, at the price of one limit.
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  if (trustedHops <= 0) return SHARED_CLIENT;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return SHARED_CLIENT;
  // Fewer entries than proxies: the request skipped a proxy; its leftmost entry is the earliest a proxy wrote.
  const entry = entries[Math.max(0, entries.length - trustedHops)] ?? "";
  return addressLike.test(entry) ? entry.toLowerCase() : SHARED_CLIENT;
}

/** A fixed-length key for the client (hashed, so rows and logs never hold addresses). */
export function clientKey(request: Request): string {
  return createHash("sha256").update(clientAddress(request.headers, env.TRUSTED_PROXY_HOPS)).digest("hex");
}
