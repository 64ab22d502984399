/**
 * Prometheus scrape endpoint of this app instance. It is not public: without METRICS_TOKEN it does not
 * exist (404), and with it only `Authorization: Bearer <METRICS_TOKEN>` reads it, compared in constant time.
 */
import { timingSafeEqual } from "node:crypto";
import { env } from "@/env";
import { metrics } from "@/lib/core/server/metrics";

export const dynamic = "force-dynamic";

function authorized(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return new Response("Not found", { status: 404 });
  if (!authorized(request, env.METRICS_TOKEN))
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": "Bearer" } });
  return new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } });
}
