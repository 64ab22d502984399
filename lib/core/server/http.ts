import "server-only";
/** Request parsing and JSON responses shared by every route handler. */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/core/fields";
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

/** The JSON object body of a request; anything else is a 400 naming `body`. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  return jsonObjectFrom(await request.text());
}

/** A JSON object body, where an empty body counts as `{}` (actions without parameters). */
export async function readOptionalJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
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
  return body as Record<string, unknown>;
}

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
