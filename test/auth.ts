/**
 * Helpers for tests that call route handlers as a signed-in user: a real session row and the headers a
 * browser on this deployment would send, and real EIP-4361 messages signed by viem local accounts.
 */
import { randomInt } from "node:crypto";
import type { LocalAccount } from "viem";
import { createSiweMessage, type CreateSiweMessageParameters } from "viem/siwe";
import { env } from "@/env";
import { SESSION_COOKIE, createSession } from "@/lib/auth/server/sessions";
import { db } from "@/lib/core/server/db";

export const appUrl = new URL(env.APP_URL);

/** A random client address, so nonce rate limits never spill from one test into another. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
}

/** Headers of a same-origin browser request, with the session cookie when a token is given. */
export function browserHeaders(token?: string, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ origin: appUrl.origin, "content-type": "application/json", "x-forwarded-for": randomIp(), ...extra });
  if (token) headers.set("cookie", `${SESSION_COOKIE}=${token}`);
  return headers;
}

/** Signs a user in directly (no SIWE) and returns headers that carry the session. */
export async function signedInHeaders(userId: string, extra: Record<string, string> = {}): Promise<Headers> {
  const { id } = await createSession(userId);
  return browserHeaders(id, extra);
}

/** A nonce row as GET /api/auth/nonce would create it, optionally already expired or used. */
export async function createNonce(opts: { expiresInMs?: number; used?: boolean } = {}): Promise<string> {
  const nonce = `n${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.replace(/[^a-z0-9]/g, "");
  await db.authNonce.create({
    data: {
      nonce,
      clientKey: "0".repeat(64),
      expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 5 * 60 * 1000)),
      usedAt: opts.used ? new Date() : null,
    },
  });
  return nonce;
}

/** The message the app's own client builds, with any field overridden. */
export function siweMessageFor(account: LocalAccount, nonce: string, overrides: Partial<CreateSiweMessageParameters> = {}): string {
  const now = Date.now();
  return createSiweMessage({
    domain: appUrl.host,
    uri: appUrl.origin,
    address: account.address,
    chainId: env.CHAIN_ID,
    nonce,
    version: "1",
    statement: "Sign in to Idlegrid.",
    issuedAt: new Date(now),
    expirationTime: new Date(now + 10 * 60 * 1000),
    ...overrides,
  });
}

/** A signed `{ message, signature }` body for POST /api/auth/verify. */
export async function signedSiweBody(account: LocalAccount, nonce: string, overrides: Partial<CreateSiweMessageParameters> = {}) {
  const message = siweMessageFor(account, nonce, overrides);
  return { message, signature: await account.signMessage({ message }) };
}
