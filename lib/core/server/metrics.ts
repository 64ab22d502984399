import "server-only";
/**
 * Prometheus metrics (prom-client). Each process (an app instance, an indexer) has its own registry;
 * the app serves it at /api/metrics behind METRICS_TOKEN, the indexer on its own internal port.
 * Route labels are path templates ("/api/v1/orders/:id"), never raw paths, so label counts stay bounded.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/core/server/db";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "idlegrid_http_request_duration_seconds",
      help: "Route handler latency by method, route template and status class.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    indexerLastBlock: new Gauge({ name: "idlegrid_indexer_last_block", help: "Last block the indexer applied.", registers: [registry] }),
    indexerLagBlocks: new Gauge({
      name: "idlegrid_indexer_lag_blocks",
      help: "Blocks between the chain head and the last applied block.",
      registers: [registry],
    }),
    indexerLagSeconds: new Gauge({
      name: "idlegrid_indexer_lag_seconds",
      help: "Seconds since the last applied block was mined.",
      registers: [registry],
    }),
    indexerLeader: new Gauge({
      name: "idlegrid_indexer_leader",
      help: "1 while this indexer holds the escrow's lock.",
      registers: [registry],
    }),
    indexerLeaderSince: new Gauge({
      name: "idlegrid_indexer_leader_since_seconds",
      help: "Unix time this indexer took the lock.",
      registers: [registry],
    }),
    indexerFailedTicks: new Counter({
      name: "idlegrid_indexer_failed_ticks_total",
      help: "Indexer ticks that failed and were retried.",
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: "idlegrid_webhook_outbox_depth",
      help: "Webhook deliveries still pending (written with their change, not yet delivered or given up).",
      registers: [registry],
      // Read at scrape time, so every process reports the shared queue without a loop of its own.
      async collect() {
        this.set(await db.webhookDelivery.count({ where: { status: "PENDING" } }));
      },
    }),
  };
}

const globals = globalThis as typeof globalThis & { __idlegridMetrics?: ReturnType<typeof create> };
export const metrics = (globals.__idlegridMetrics ??= create());

const idLike = /^(?:[0-9]+|0x[0-9a-fA-F]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,}|[A-Za-z0-9_-]{20,})$/;

/** "/api/v1/orders/3f2b…/stop" -> "/api/v1/orders/:id/stop". */
export function routeTemplate(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (idLike.test(segment) ? ":id" : segment))
    .join("/");
}
