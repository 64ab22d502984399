/**
 * The pieces every path entry of the OpenAPI document is made of. Request and response bodies come
 * from zod (z.toJSONSchema), the same schemas the handlers parse with and the server's types come
 * from, so the document cannot drift from the code. A new route is one `operation({...})` in the
 * path module of its domain, with its response schema named in components.ts.
 */
import { z } from "zod";
import { components, type ComponentName } from "@/app/api/v1/openapi.json/components";

type Json = Record<string, unknown>;

/** zod's JSON Schema, without what only adds noise to a document people read. */
function tidy({ jsonSchema }: { jsonSchema: Json }) {
  // An ISO timestamp already says everything with format: date-time; zod adds a 300-character regex.
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

/**
 * The input side is what travels as JSON: for a request what the client sends, for a response what
 * the server's values encode to (wireDate's ISO string rather than the Date it decodes to).
 */
const wire = { io: "input", unrepresentable: "any", override: tidy } as const;

/** A schema inline, e.g. a request body or a parameter. */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema, ...rest } = z.toJSONSchema(schema, wire);
  void $schema;
  return rest;
}

/** components.schemas: every named schema, nested named schemas as $refs to each other. */
export function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...wire, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutIds(schema)]));
}

/** $id would be a URI with a fragment, which JSON Schema forbids; $schema is the document's own dialect. */
function withoutIds({ $schema, $id, ...rest }: Json): Json {
  void [$schema, $id];
  return rest;
}

export const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/** A response with a JSON body of a named schema. */
export function reply(description: string, name: ComponentName): Json {
  return { description, content: { "application/json": { schema: ref(name) } } };
}

const errorText = {
  400: "a parameter is invalid (fieldErrors names each)",
  401: "not signed in, or the API key is unknown, revoked or expired (error names which)",
  403: "not allowed: the API key lacks the scope (insufficient_scope) or keys are not accepted here (session_required), or a cookie request has no Origin of this site",
  404: "unknown id, or not the caller's to see",
  409: "not possible in the current state (error names why)",
  413: "the body is larger than 64 KB",
  429: "too many requests; Retry-After says when to try again",
} as const;
export type ErrorStatus = keyof typeof errorText;

function errorReplies(codes: readonly ErrorStatus[]): Json {
  return Object.fromEntries(
    codes.map((c) => [String(c), { description: errorText[c], content: { "application/json": { schema: ref("Error") } } }]),
  );
}

export function query(name: string, description: string, schema: Json): Json {
  return { name, in: "query", required: false, description, schema };
}

export function pathParam(name: string, description: string, schema: Json = { type: "string" }): Json {
  return { name, in: "path", required: true, description, schema };
}

export const idParam = pathParam("id", "the record's id");

export interface OperationSpec {
  /** Unique across the document; what generated clients name the method. */
  operationId: string;
  /** One line. */
  summary: string;
  /** Who may call it and what it does, in full. */
  description: string;
  tags: string[];
  /** Only where a scheme of components.securitySchemes applies, or [] for explicitly none. */
  security?: Record<string, string[]>[];
  parameters?: Json[];
  /** A JSON body: a zod schema (converted here) or JSON Schema already built. */
  body?: { schema: z.ZodType | Json; required?: boolean };
  responses: Record<number, Json>;
  errors?: ErrorStatus[];
}

export function operation({ body, errors = [], responses, ...rest }: OperationSpec): Json {
  const requestBody = body && {
    required: body.required ?? true,
    content: { "application/json": { schema: body.schema instanceof z.ZodType ? jsonSchema(body.schema) : body.schema } },
  };
  // Every JSON body goes through the same size limit (lib/core/server/http.ts).
  const codes: ErrorStatus[] = body && !errors.includes(413) ? [...errors, 413] : errors;
  return { ...rest, ...(requestBody && { requestBody }), responses: { ...responses, ...errorReplies(codes) } };
}
