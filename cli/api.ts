/**
 * The CLI's only way to reach the app: JSON over HTTP with the API key as a bearer. Every answer is
 * parsed with the zod schema the server's own response type comes from (lib/<domain>/*-dto.ts, the
 * same schemas the OpenAPI document is generated from), so a server that answers something else is
 * reported rather than misread. Every failure becomes one CliError line.
 */
import type { z } from "zod";
import { apiErrorBodySchema } from "@/lib/core/wire";
import { CliError, exitCodes } from "./errors";

/** Refusals that mean "this key cannot do this": the script's author needs a different key. */
const keyRefusals = new Set(["invalid_key", "key_revoked", "key_expired", "insufficient_scope", "session_required", "unauthenticated"]);

export interface ApiOptions {
  server: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class HttpError extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    exitCode: number,
  ) {
    super(message, exitCode);
  }
}

function networkReason(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === "TimeoutError") return "timed out";
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? e.message;
  }
  return String(e);
}

/** The one line for a refused request, from the API's `{ error, message, fieldErrors }` when it sent one. */
function refusal(status: number, text: string, retryAfter: string | null): HttpError {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // an HTML error page from a proxy, say
  }
  const body = apiErrorBodySchema.safeParse(json);
  if (!body.success)
    return new HttpError(
      `the server answered ${status}: ${text.replace(/\s+/g, " ").trim().slice(0, 160) || "(empty)"}`,
      status,
      undefined,
      exitCodes.failed,
    );
  const { error: code, message, fieldErrors } = body.data;
  const fields = Object.entries(fieldErrors ?? {})
    .map(([field, reasons]) => `${field}: ${reasons.join(", ")}`)
    .join("; ");
  if ((status === 401 || status === 403) && keyRefusals.has(code)) {
    return new HttpError(`the server refused the API key (${status} ${code}): ${message}`, status, code, exitCodes.auth);
  }
  if (status === 429)
    return new HttpError(
      `rate limited (429): ${message}${retryAfter ? ` (retry after ${retryAfter} s)` : ""}`,
      status,
      code,
      exitCodes.failed,
    );
  return new HttpError(`${message} (${status} ${code})${fields ? `: ${fields}` : ""}`, status, code, exitCodes.failed);
}

export class Api {
  readonly server: string;
  private readonly apiKey: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ApiOptions) {
    this.server = options.server.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get<S extends z.ZodType>(path: string, schema: S, query?: URLSearchParams): Promise<z.output<S>> {
    const qs = query?.toString();
    return this.call("GET", qs ? `${path}?${qs}` : path, schema);
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.call("POST", path, schema, body);
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${this.apiKey}`,
      "User-Agent": "idlegrid-cli/1",
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    let text: string;
    try {
      // Redirects are not followed: a hop could drop the Authorization header or send it elsewhere.
      res = await this.fetchImpl(`${this.server}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      throw new CliError(`cannot reach ${this.server}: ${networkReason(e)}`);
    }
    if (res.status >= 300 && res.status < 400) {
      throw new CliError(`${this.server} redirects to ${res.headers.get("location") ?? "elsewhere"}; log in with that URL as the server`);
    }
    if (!res.ok) throw refusal(res.status, text, res.headers.get("retry-after"));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(`${method} ${path}: the server's answer is not JSON (is ${this.server} an Idlegrid server?)`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        `${method} ${path}: unexpected answer (${issue?.path.join(".") || "body"}: ${issue?.message}); is the server a different version?`,
      );
    }
    return parsed.data;
  }
}
