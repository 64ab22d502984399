import "server-only";
/**
 * One HTTP POST of a webhook. The address the socket connects to is checked as it is resolved (a
 * custom `lookup`), not before: checking first and connecting later would let a DNS answer change in
 * between (rebinding). Redirects are not followed, since a receiver could redirect into a private
 * network; any answer but 2xx counts as a failure and is retried.
 */
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/webhooks/address-policy";

export interface SendResult {
  /** The receiver's status, or null when no answer came. */
  statusCode: number | null;
  /** Why it failed, in a few words; null on a 2xx. */
  error: string | null;
  durationMs: number;
}

export interface SendOptions {
  /** Outside production: a receiver on this machine or a private network is fine. */
  allowPrivate: boolean;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

class BlockedAddress extends Error {}

function refusal(host: string, address: string): BlockedAddress {
  return new BlockedAddress(`refused: ${host} resolves to ${address}, which is not a public address`);
}

/** dns.lookup, refusing every answer when any address is private (a host with one private address is a way in). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const blocked = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (blocked) return callback(refusal(hostname, blocked.address), "", 4);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

function describe(error: unknown): string {
  if (error instanceof BlockedAddress) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 500);
}

export function postWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({ statusCode, error, durationMs: Date.now() - started });
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  // An IP in the URL is connected to without any lookup, so it is checked here.
  if (!options.allowPrivate && isIP(literal) && !isPublicAddress(literal))
    return Promise.resolve(done(null, refusal(literal, literal).message));
  const client = target.protocol === "https:" ? https : http;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return new Promise((resolve) => {
    let settled = false;
    // One deadline for the whole exchange, so a receiver that trickles its answer cannot hold a worker.
    const timer = setTimeout(() => {
      finish(null, `timed out after ${timeoutMs / 1000} s`);
      request.destroy();
    }, timeoutMs);
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(statusCode, error));
    };
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
      },
      (response) => {
        const status = response.statusCode ?? null;
        const ok = status !== null && status >= 200 && status < 300;
        // The body is not needed; reading it to the end lets the socket close cleanly.
        response.resume();
        response.on("end", () => finish(status, ok ? null : `HTTP ${status}`));
        response.on("error", (error) => finish(status, describe(error)));
        response.on("close", () => finish(status, ok ? null : `HTTP ${status}`));
      },
    );
    request.on("error", (error) => finish(null, describe(error)));
    request.end(body);
  });
}

/** At registration, in production: every address the host resolves to now must be public. */
export async function resolvesPublicly(hostname: string): Promise<string | null> {
  const literal = hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) return isPublicAddress(literal) ? null : "must not point at a private, loopback or link-local address";
  let addresses: LookupAddress[];
  try {
    addresses = await dns.promises.lookup(literal, { all: true });
  } catch {
    return `its host ${literal} does not resolve`;
  }
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  return blocked ? `its host resolves to ${blocked.address}, which is not a public address` : null;
}
