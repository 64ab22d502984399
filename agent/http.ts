/**
 * The agent's only way to reach the app: JSON POSTs, each answer sorted into what the caller should
 * do next. Redirects are not followed: a redirected POST loses its body or its Authorization header
 * depending on the hop, so the provider is told the right URL instead.
 */
import { errorResponseSchema } from "./protocol";
import { parseRetryAfter } from "./backoff";
import { AGENT_VERSION } from "./version";

export type PostOutcome =
  | { kind: "ok"; status: number; body: unknown }
  /** Worth trying again later: network down, timeout, 5xx, 408, 429. */
  | { kind: "retry"; reason: string; retryAfterMs: number | null }
  /** 401/403: the credential is unknown or revoked; retrying cannot help. */
  | { kind: "auth"; status: number; message: string }
  /** Any other answer outside 2xx: the request itself is wrong (or the server is older/newer than this agent). */
  | { kind: "rejected"; status: number; message: string };

export interface PostOptions {
  credential?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Joins a server base URL ("https://idlegrid.example/" or with a path prefix) and an API path. */
export function apiUrl(server: string, apiPath: string): string {
  return `${server.replace(/\/+$/, "")}${apiPath}`;
}

function describeNetworkError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === "TimeoutError") return "timed out";
    if (e.name === "AbortError") return "aborted";
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? e.message;
  }
  return String(e);
}

/** The server's `error` text, else a short piece of whatever it sent. */
function messageOf(status: number, text: string): string {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: an HTML error page from a proxy, say
  }
  const parsed = errorResponseSchema.safeParse(json);
  const detail = parsed.success ? parsed.data.error : text.replace(/\s+/g, " ").trim().slice(0, 160);
  return detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
}

export async function postJson(url: string, body: unknown, options: PostOptions = {}): Promise<PostOutcome> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/json",
    "User-Agent": `idlegrid-agent/${AGENT_VERSION}`,
  };
  if (options.credential) headers.Authorization = `Bearer ${options.credential}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), redirect: "manual", signal });
    text = await res.text();
  } catch (e) {
    return { kind: "retry", reason: describeNetworkError(e), retryAfterMs: null };
  }

  if (res.status >= 200 && res.status < 300) {
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null; // 2xx with a non-JSON body: the callers that need a body validate and fail there
    }
    return { kind: "ok", status: res.status, body: parsed };
  }
  const now = options.now ?? Date.now;
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    return { kind: "retry", reason: messageOf(res.status, text), retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), now()) };
  }
  if (res.status === 401 || res.status === 403) return { kind: "auth", status: res.status, message: messageOf(res.status, text) };
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get("location");
    return {
      kind: "rejected",
      status: res.status,
      message: `HTTP ${res.status}: the server redirects${location ? ` to ${location}` : ""}; use that URL as the server`,
    };
  }
  return { kind: "rejected", status: res.status, message: messageOf(res.status, text) };
}
