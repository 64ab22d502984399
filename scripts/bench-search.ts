/**
 * `npm run bench:search [-- --url http://127.0.0.1:3000] [--iterations 40] [--gzip] [--explain]`
 *
 * Measures the public search API of a running production server (`next build` first) over
 * HTTP (one keep-alive connection; --gzip to ask for compressed bodies) with a fixed mix of filter/sort combinations, and in the same run executes the very
 * same SQL statements (lib/listings/server/search-sql.ts: the page query and the capped count,
 * concurrently, as the API does) directly against DATABASE_URL as the floor. Prints
 * p50/p95/p99 per combination and overall, and the API/SQL ratio.
 *
 * Without --url it starts `next start` itself (run `npm run build` first) on port 3210 with
 * DATABASE_URL (the chain variables get placeholders: search never touches the chain). It also
 * reports the marketplace page's first-load JavaScript (scripts/first-load-js.ts: every script the
 * server-rendered /marketplace HTML loads, fetched and gzipped).
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { countSql, itemsSql, pruneModelsSql } from "../lib/listings/server/search-sql";
import { parseSearchParams } from "../lib/listings/search-schema";
import { firstLoadJs, formatFirstLoad } from "./first-load-js";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    iterations: { type: "string", default: "40" },
    warmup: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
    gzip: { type: "boolean", default: false },
  },
});
const baseUrl = (values.url ?? "http://127.0.0.1:3210").replace(/\/$/, "");
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL to the seeded database (npm run seed:listings).");

/** [name, query string]. "+page2" entries are benchmarked on their second page (with a cursor). */
const combos: [string, string][] = [
  ["all, price", ""],
  ["all, value", "sort=value"],
  ["all, vram", "sort=vram"],
  ["all, tflops", "sort=tflops"],
  ["all, newest", "sort=newest"],
  ["H100-SXM, price", "gpu=H100-SXM"],
  ["RTX-4090, value", "gpu=RTX-4090&sort=value"],
  ["H100 x3 models, price", "gpu=H100-SXM&gpu=H100-PCIE&gpu=H100-NVL"],
  ["A100 x2, newest", "gpu=A100-SXM-80&gpu=A100-PCIE-80&sort=newest"],
  ["8+ GPUs, tflops", "minGpus=8&sort=tflops"],
  ["VRAM>=80, price", "minVram=80"],
  ["VRAM>=48, value", "minVram=48&sort=value"],
  ["price<=0.30, vram", "maxPrice=0.30&sort=vram"],
  ["region DE, price", "region=DE"],
  ["region SG, newest", "region=SG&sort=newest"],
  ["bandwidth>=10G, value", "minBandwidth=10000&sort=value"],
  ["CUDA>=12.8, tflops", "minCuda=12.8&sort=tflops"],
  ["reliability>=95, price", "minReliability=95"],
  ["H100-SXM 8x US <=2.5, price", "gpu=H100-SXM&minGpus=8&region=US&maxPrice=2.5"],
  ["B200 IS, price (rare)", "gpu=B200&region=IS"],
  ["VRAM>=80 CUDA>=12.4 rel>=90, value", "minVram=80&minCuda=12.4&minReliability=90&sort=value"],
  ["empty: T4 8x <=0.05", "gpu=T4&minGpus=8&maxPrice=0.05"],
  ["all, price +page2", "limit=24"],
  ["RTX-4090, value +page2", "gpu=RTX-4090&sort=value"],
  ["all, newest +page2", "sort=newest"],
];

/**
 * One keep-alive connection, as a client that calls the API in a loop would hold. node:http
 * rather than fetch: undici's per-request work (Request/Headers objects, web streams) measured
 * about 1 ms here, which is the client's cost, not the server's. With --gzip the client asks for
 * a compressed body as browsers do (Next compresses by default; behind a reverse proxy that
 * compresses, turn Next's off) and the time includes the server's gzip, not the client's gunzip.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(pathAndQuery: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = values.gzip ? { "accept-encoding": "gzip" } : {};
    const request = http.get(`${baseUrl}${pathAndQuery}`, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function getJson<T>(pathAndQuery: string): Promise<T> {
  const { status, body } = await get(pathAndQuery);
  const text = values.gzip ? (await import("node:zlib")).gunzipSync(body).toString() : body.toString();
  if (status !== 200) throw new Error(`GET ${pathAndQuery}: HTTP ${status} ${text}`);
  return JSON.parse(text) as T;
}

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/v1/listings?limit=1`)).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<ChildProcess> {
  const port = new URL(baseUrl).port;
  const nextBin = path.join(import.meta.dirname, "..", "node_modules", "next", "dist", "bin", "next");
  console.log(`Starting next start on port ${port} against DATABASE_URL (run npm run build first).`);
  const child = spawn(process.execPath, [nextBin, "start", "--port", port, "--hostname", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      RPC_URL: process.env.RPC_URL ?? "http://127.0.0.1:8545",
      CHAIN_ID: process.env.CHAIN_ID ?? "31337",
      TOKEN_ADDRESS: process.env.TOKEN_ADDRESS ?? "0x0000000000000000000000000000000000000001",
      APP_URL: baseUrl,
      // The benchmark is one client hammering the API on purpose.
      SEARCH_REQUESTS_PER_MINUTE: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    if (await reachable()) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("the server did not come up within 60 s");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

async function main() {
  if (!values.url && (await reachable())) throw new Error(`Port ${new URL(baseUrl).port} is taken; stop that server or pass --url`);
  const server = values.url ? null : await startServer();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const [{ live }] = (await pool.query<{ live: string }>(`SELECT count(*)::text AS live FROM "Machine" WHERE status = 'LIVE'`)).rows as [
    { live: string },
  ];
  const [{ all }] = (await pool.query<{ all: string }>(`SELECT count(*)::text AS "all" FROM "Machine"`)).rows as [{ all: string }];
  console.log(
    `${Number(all).toLocaleString("en-US")} listings (${Number(live).toLocaleString("en-US")} live), ${iterations} timed runs per combination after ${warmup} warm-up runs\n`,
  );

  const httpAll: number[] = [];
  const sqlAll: number[] = [];
  const header = `${"combination".padEnd(38)} ${"API p50".padStart(8)} ${"p95".padStart(7)} ${"p99".padStart(7)}   ${"SQL p50".padStart(8)} ${"p95".padStart(7)} ${"p99".padStart(7)}  ratio(p95)  rows`;
  console.log(header);
  console.log("-".repeat(header.length));

  try {
    for (const [name, qs] of combos) {
      let query = qs;
      if (name.endsWith("+page2")) {
        const first = await getJson<{ nextCursor: string | null }>(`/api/v1/listings?${qs}`);
        if (!first.nextCursor) throw new Error(`${name}: no second page`);
        query = `${qs}${qs ? "&" : ""}cursor=${first.nextCursor}`;
      }
      const parsed = parseSearchParams(new URLSearchParams(query));
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.fieldErrors)}`);
      const prune = pruneModelsSql(parsed.query);
      const count = countSql(parsed.query.filters);
      /** The statements the API runs for this query, in the same order and concurrency. */
      const runSql = async () => {
        const models = prune ? (await pool.query<{ model: string }>(prune.text, prune.values)).rows.map((r) => r.model) : undefined;
        const items = itemsSql(parsed.query, models);
        await Promise.all([pool.query(items.text, items.values), pool.query(count.text, count.values)]);
        return items;
      };
      const items = await runSql();
      if (values.explain) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${items.text}`, items.values);
        console.log(`\n${name}\n${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}`);
      }

      const http: number[] = [];
      const sql: number[] = [];
      let rows = 0;
      for (let i = 0; i < warmup + iterations; i++) {
        let t = performance.now();
        const response = await get(`/api/v1/listings?${query}`);
        const httpMs = performance.now() - t;
        if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${response.body.toString()}`);
        if (i === 0) rows = (await getJson<{ items: unknown[] }>(`/api/v1/listings?${query}`)).items.length;
        t = performance.now();
        await runSql();
        const sqlMs = performance.now() - t;
        if (i >= warmup) {
          http.push(httpMs);
          sql.push(sqlMs);
        }
      }
      httpAll.push(...http);
      sqlAll.push(...sql);
      const h = stats(http);
      const s = stats(sql);
      console.log(
        `${name.padEnd(38)} ${h.p50.toFixed(1).padStart(8)} ${h.p95.toFixed(1).padStart(7)} ${h.p99.toFixed(1).padStart(7)}   ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(7)} ${s.p99.toFixed(1).padStart(7)}  ${(h.p95 / s.p95).toFixed(2).padStart(9)}x  ${String(rows).padStart(4)}`,
      );
    }
    const h = stats(httpAll);
    const s = stats(sqlAll);
    console.log("-".repeat(header.length));
    console.log(
      `${"OVERALL".padEnd(38)} ${h.p50.toFixed(1).padStart(8)} ${h.p95.toFixed(1).padStart(7)} ${h.p99.toFixed(1).padStart(7)}   ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(7)} ${s.p99.toFixed(1).padStart(7)}  ${(h.p95 / s.p95).toFixed(2).padStart(9)}x`,
    );
    console.log(`\nAll times in ms. Targets at 1,000,000 listings: API p95 <= 40 ms and <= 2x the SQL floor.`);
    console.log(formatFirstLoad(await firstLoadJs(baseUrl, "/marketplace")));
  } finally {
    await pool.end();
    server?.kill("SIGTERM");
  }
}

await main();
