/**
 * Hostile inputs for the API fuzz test (app/api/v1/fuzz.test.ts): what an attacker types into a query
 * string, a path segment or a JSON body, and a sender that calls a route handler directly and records
 * every answer of 500 or more.
 */
import { appUrl } from "@/test/auth";

const big = "a".repeat(100_000);

/** For query parameters and path segments: numbers out of range or in odd notations, unicode, injections, 100 KB. */
export const hostileStrings: string[] = [
  "-1",
  "1.5",
  "1e308",
  "1e400",
  "NaN",
  "-Infinity",
  "0x7fffffffffffffff",
  "9".repeat(40),
  "100000000000000",
  "١٢٣", // Arabic-Indic digits
  "１２３", // full-width digits
  "\u0000",
  "\uD800",
  "😀".repeat(50),
  "' OR 1=1 --",
  "../../etc/passwd",
  " ",
  big,
];

/** Numbers that overflow, underflow or are not numbers, for parameters combined with each sort. */
export const hostileNumbers: string[] = ["-1", "1e400", "NaN", "9".repeat(40), "100000000000000", "١٢٣"];

/** For path segments (ids, actions): too long, traversal, injection, NUL, lone surrogates, unicode. */
export const hostileIds: string[] = ["-1", "9".repeat(40), "\u0000", "\uD800", "😀", "' OR 1=1 --", "../../etc/passwd", "%2e%2e", big];

/** For JSON body fields: every JSON type, numbers past every integer width, NaN-like strings, NUL, lone surrogates, 100 KB. */
export const hostileJson: unknown[] = [
  -1,
  1.5,
  1e308,
  2 ** 63,
  "NaN",
  "1e400",
  "9".repeat(400),
  "١٢٣",
  "\u0000",
  "a\uD800b",
  "' OR 1=1 --",
  big,
  null,
  [1, 2, 3],
  { $gt: "" },
];

/** Whole bodies that are not the JSON object a route expects, or are too big. */
export const hostileBodies: string[] = [
  "",
  "not json",
  "[]",
  "123",
  "1e400",
  '"a string"',
  "null",
  JSON.stringify(big),
  "[".repeat(20_000) + "]".repeat(20_000),
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  JSON.stringify({ padding: "x".repeat(200_000) }),
];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface FuzzFailure {
  request: string;
  status: number;
  body: string;
}

/** Counts requests and keeps every 5xx (truncated, so a failure report stays readable). */
export function createSender() {
  let sent = 0;
  const failures: FuzzFailure[] = [];
  async function send(
    handler: Handler,
    opts: { method: string; path: string; params: Record<string, string>; query?: string; body?: string; headers: Headers },
  ) {
    sent++;
    const url = `${appUrl.origin}${opts.path}${opts.query ? `?${opts.query}` : ""}`;
    const request = new Request(url, { method: opts.method, headers: opts.headers, body: opts.body });
    let res: Response;
    try {
      res = await handler(request, { params: Promise.resolve(opts.params) });
    } catch (error) {
      // A handler that throws past `handle` would be a 500 in Next.
      failures.push({ request: `${opts.method} ${url.slice(0, 200)}`, status: 599, body: String(error).slice(0, 300) });
      return { status: 599, json: null };
    }
    const text = await res.text();
    if (res.status >= 500)
      failures.push({
        request: `${opts.method} ${url.slice(0, 200)} ${(opts.body ?? "").slice(0, 200)}`,
        status: res.status,
        body: text.slice(0, 300),
      });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json };
  }
  return { send, failures, count: () => sent };
}

/** Property names anywhere in a request body's JSON schema (allOf/oneOf/anyOf branches included). */
export function bodyFields(schema: unknown): string[] {
  const names = new Set<string>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== "object") return;
    const node = s as Record<string, unknown>;
    if (node.properties && typeof node.properties === "object") for (const k of Object.keys(node.properties)) names.add(k);
    for (const key of ["allOf", "oneOf", "anyOf"]) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach(walk);
  };
  walk(schema);
  return [...names];
}
