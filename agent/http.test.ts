import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter, retryDelayMs } from "./backoff";
import { apiUrl, postJson } from "./http";

describe("postJson", () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ url: string | undefined; auth: string | undefined; type: string | undefined; body: string }> = [];
  // Each path answers one way; the agent's reaction to each is what is under test.
  const answers: Record<string, (res: http.ServerResponse) => void> = {
    "/ok": (res) => res.writeHead(201, { "Content-Type": "application/json" }).end('{"machineId":"m1"}'),
    "/empty": (res) => res.writeHead(204).end(),
    "/down": (res) => res.writeHead(503, { "Retry-After": "7" }).end("<html>upstream down</html>"),
    "/busy": (res) => res.writeHead(429, { "Retry-After": "Wed, 21 Oct 2026 07:28:30 GMT" }).end('{"error":"slow down"}'),
    "/revoked": (res) => res.writeHead(401, { "Content-Type": "application/json" }).end('{"error":"credential revoked"}'),
    "/forbidden": (res) => res.writeHead(403).end(),
    "/bad": (res) =>
      res.writeHead(422, { "Content-Type": "application/json" }).end('{"error":"invalid body","fieldErrors":{"gpus":["required"]}}'),
    "/moved": (res) => res.writeHead(308, { Location: "https://idlegrid.example/api/v1/agent/report" }).end(),
    "/hang": () => {},
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ url: req.url, auth: req.headers.authorization, type: req.headers["content-type"], body });
        answers[req.url ?? ""]?.(res);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("posts JSON with the bearer credential and reads the JSON answer", async () => {
    expect(await postJson(`${base}/ok`, { a: 1 }, { credential: "secret-credential" })).toEqual({
      kind: "ok",
      status: 201,
      body: { machineId: "m1" },
    });
    expect(seen.at(-1)).toEqual({ url: "/ok", auth: "Bearer secret-credential", type: "application/json", body: '{"a":1}' });
    expect(await postJson(`${base}/empty`, {})).toEqual({ kind: "ok", status: 204, body: null });
    expect(seen.at(-1)?.auth).toBeUndefined();
  });

  it("retries 5xx and 429, honouring Retry-After in seconds or as a date", async () => {
    expect(await postJson(`${base}/down`, {})).toEqual({
      kind: "retry",
      reason: "HTTP 503: <html>upstream down</html>",
      retryAfterMs: 7000,
    });
    const now = () => Date.parse("2026-10-21T07:28:00Z");
    expect(await postJson(`${base}/busy`, {}, { now })).toEqual({ kind: "retry", reason: "HTTP 429: slow down", retryAfterMs: 30_000 });
  });

  it("stops on 401/403 and reports other 4xx and redirects as rejections", async () => {
    expect(await postJson(`${base}/revoked`, {})).toEqual({ kind: "auth", status: 401, message: "HTTP 401: credential revoked" });
    expect(await postJson(`${base}/forbidden`, {})).toEqual({ kind: "auth", status: 403, message: "HTTP 403" });
    expect(await postJson(`${base}/bad`, {})).toEqual({ kind: "rejected", status: 422, message: "HTTP 422: invalid body" });
    expect(await postJson(`${base}/moved`, {})).toMatchObject({
      kind: "rejected",
      status: 308,
      message: expect.stringContaining("https://idlegrid.example/api/v1/agent/report"),
    });
  });

  it("treats a timeout and a closed port as retryable", async () => {
    expect(await postJson(`${base}/hang`, {}, { timeoutMs: 200 })).toEqual({ kind: "retry", reason: "timed out", retryAfterMs: null });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await postJson(`http://127.0.0.1:${port}/x`, {})).toEqual({ kind: "retry", reason: "ECONNREFUSED", retryAfterMs: null });
  });

  it("joins server and path without doubling slashes", () => {
    expect(apiUrl("https://idlegrid.example/", "/api/v1/agent/pair")).toBe("https://idlegrid.example/api/v1/agent/pair");
    expect(apiUrl("https://example.org/idlegrid", "/api/v1/agent/pair")).toBe("https://example.org/idlegrid/api/v1/agent/pair");
  });
});

describe("backoff", () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it("doubles, stays between half and all of each step, and caps", () => {
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelayMs(40, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(40, policy, () => 0)).toBe(30_000);
  });

  it("waits at least what Retry-After asks, spread by up to a second", () => {
    expect(retryDelayMs(0, 7000, policy, () => 0)).toBe(7000);
    expect(retryDelayMs(5, 7000, policy, () => 1)).toBe(8000);
    expect(retryDelayMs(2, null, policy, () => 0)).toBe(2000);
  });

  it("parses Retry-After and refuses to be parked for more than an hour", () => {
    const now = Date.parse("2026-10-21T07:28:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("86400", now)).toBe(3_600_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
