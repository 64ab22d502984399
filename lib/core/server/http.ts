import "server-only";
/** Request parsing and JSON responses shared by every route handler. */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { FORBIDDEN_TEXT_MESSAGE, fieldErrorsOf, hasForbiddenText } from "@/lib/core/fields";
import { ApiError } from "@/lib/core/server/api-error";

export function invalidParameters(fieldErrors: Record<string, string[]>): ApiError {
  return new ApiError(400, "invalid_parameter", `Invalid parameters: ${Object.keys(fieldErrors).join(", ")}`, fieldErrors);
}

/** Parses with `schema` or throws 400 naming every offending field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidParameters(fieldErrorsOf(result.error));
  return result.data;
}

/**
 * The most a JSON body may hold. The largest real bodies (a job with its description and command, a
 * dispute statement) stay under 16 KB; anything near the limit is an attack or a bug, and reading it
 * whole would cost memory and parse time.
 */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export function bodyTooLarge(limit: number): ApiError {
  return new ApiError(413, "body_too_large", `The request body is larger than ${limit} bytes.`, {
    body: [`must be at most ${limit} bytes`],
  });
}

/**
 * The body as text, refusing (413) one over `limit` bytes: by its Content-Length before reading, and
 * while streaming when the length is absent or lies, so a huge body is never buffered whole.
 */
export async function readBodyText(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The JSON object body of a request; anything else is a 400 naming `body`, over the size limit a 413. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  return jsonObjectFrom(await readBodyText(request));
}

/** A JSON object body, where an empty body counts as `{}` (actions without parameters). */
export async function readOptionalJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await readBodyText(request);
  return text.trim() === "" ? {} : jsonObjectFrom(text);
}

function jsonObjectFrom(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidParameters({ body: ["must be a JSON object"] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidParameters({ body: ["must be a JSON object"] });
  const broken = brokenTextPath(body, "");
  if (broken !== null) throw invalidParameters({ [broken || "body"]: [FORBIDDEN_TEXT_MESSAGE] });
  return body as Record<string, unknown>;
}

/**
 * The path ("field", "items.0.note") of the first string in a JSON value with characters no text field
 * takes (NUL, other controls, lone surrogates), or null. Checked once here for every API body, so no
 * schema can forget it and PostgreSQL never sees them (it refuses NUL with an error).
 */
function brokenTextPath(root: unknown, rootPath: string): string | null {
  // Iterative, and bounded in depth: a 64 KB body can nest arrays tens of thousands deep.
  const stack: [unknown, string, number][] = [[root, rootPath, 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === "string") {
      if (hasForbiddenText(value)) return path;
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw invalidParameters({ body: [`must not nest deeper than ${MAX_JSON_DEPTH} levels`] });
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (hasForbiddenText(key)) return at;
      stack.push([item, at, depth + 1]);
    }
  }
  return null;
}

/** No request body of this API nests more than three levels; 32 leaves room and bounds the walk. */
const MAX_JSON_DEPTH = 32;

/** A boolean flag in a JSON body, such as `"publish": true|false`; absent means false. */
export function booleanFlag(name: string, value: unknown): boolean {
  if (value !== undefined && typeof value !== "boolean") throw invalidParameters({ [name]: ["must be true or false"] });
  return value === true;
}

/** JSON with bigints (token amounts) as decimal strings. */
export function json(data: unknown, init?: ResponseInit): Response {
  const body = JSON.stringify(data, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return new NextResponse(body, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
}
