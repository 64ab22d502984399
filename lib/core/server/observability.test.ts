import { describe, expect, it } from "vitest";
import { handle } from "@/lib/core/server/api-error";
import { createLogger } from "@/lib/core/server/log";
import { metrics, routeTemplate } from "@/lib/core/server/metrics";

describe("observability", () => {
  it("labels routes by template, so ids never become label values", () => {
    expect(routeTemplate("/api/v1/orders/3f2b8c1e-1d2a-4b3c-9d8e-7f6a5b4c3d2e/stop")).toBe("/api/v1/orders/:id/stop");
    expect(routeTemplate("/api/v1/listings/cmi0abcdefghijklmnopqrstu")).toBe("/api/v1/listings/:id");
    expect(routeTemplate("/api/v1/listings")).toBe("/api/v1/listings");
  });

  it("gives every handled request an id (kept from a proxy), logs with it, and times it by route", async () => {
    const lines: string[] = [];
    const seen: string[] = [];
    const child = createLogger({ write: (line: string) => void lines.push(line) });
    const handler = handle(async () => {
      child.warn("inside the handler");
      seen.push("ran");
      return new Response("ok", { status: 201 });
    });
    const response = await handler(
      new Request("http://localhost/api/v1/orders/3f2b8c1e-1d2a-4b3c-9d8e-7f6a5b4c3d2e", { headers: { "x-request-id": "from-nginx-1" } }),
      {},
    );
    expect(seen).toEqual(["ran"]);
    expect(response.headers.get("x-request-id")).toBe("from-nginx-1");
    const logged = lines.map((l) => JSON.parse(l) as { requestId?: string; msg: string }).find((l) => l.msg === "inside the handler");
    expect(logged?.requestId).toBe("from-nginx-1");
    const histogram = await metrics.httpDuration.get();
    const count = histogram.values.find(
      (v) =>
        v.metricName === "idlegrid_http_request_duration_seconds_count" &&
        v.labels.route === "/api/v1/orders/:id" &&
        v.labels.status === "2xx",
    );
    expect(count?.value).toBeGreaterThanOrEqual(1);
    const fresh = await handler(new Request("http://localhost/api/v1/listings"), {});
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports the webhook outbox's pending deliveries when scraped", async () => {
    const text = await metrics.registry.getSingleMetricAsString("idlegrid_webhook_outbox_depth");
    expect(text).toMatch(/^idlegrid_webhook_outbox_depth \d+$/m);
  });
});
