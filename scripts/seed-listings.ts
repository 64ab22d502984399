/**
 * `npm run seed:listings -- --listings 1000000 [--providers 20000] [--reset]`
 *
 * Fills DATABASE_URL (already migrated) with N realistic listings for the search benchmark:
 * GPU models weighted by how common they are on community clouds, GPU counts by segment,
 * prices around each model's going rate, 20 regions, bandwidth and CUDA tiers, every
 * lifecycle status, creation dates over a year, providers with a spread of reliability and
 * a few banned. Rows go in as 5,000-row `INSERT ... SELECT FROM unnest(arrays)` statements,
 * 100,000 rows per transaction, then VACUUM (ANALYZE). Seeded rows have ids starting "seed_", which
 * --reset deletes first.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { gpuCatalog, type GpuModelId } from "../lib/listings/gpu-catalog";
import { reliabilityScore } from "../lib/listings/reliability";

const { values } = parseArgs({
  options: { listings: { type: "string", default: "100000" }, providers: { type: "string" }, reset: { type: "boolean", default: false } },
});
const total = Number(values.listings);
if (!Number.isSafeInteger(total) || total < 1) throw new Error("--listings must be a positive whole number");
const providerCount = Number(values.providers ?? Math.max(10, Math.round(total / 50)));
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL to a migrated PostgreSQL database.");

/** [model, relative frequency, typical USDC per GPU-hour] */
const models: [GpuModelId, number, number][] = [
  ["RTX-4090", 160, 0.34],
  ["RTX-3090", 120, 0.2],
  ["RTX-5090", 60, 0.68],
  ["A100-SXM-80", 55, 1.3],
  ["H100-SXM", 50, 2.3],
  ["H100-PCIE", 40, 1.95],
  ["A100-PCIE-80", 35, 1.15],
  ["L40S", 35, 0.87],
  ["RTX-A6000", 35, 0.48],
  ["A100-SXM-40", 25, 0.95],
  ["A100-PCIE-40", 25, 0.8],
  ["L4", 30, 0.38],
  ["A10", 25, 0.36],
  ["RTX-6000-ADA", 25, 0.78],
  ["RTX-A5000", 25, 0.28],
  ["RTX-A4000", 25, 0.17],
  ["T4", 30, 0.14],
  ["V100-SXM-32", 20, 0.45],
  ["V100-PCIE-16", 15, 0.3],
  ["H200", 20, 3.4],
  ["H100-NVL", 15, 2.25],
  ["L40", 15, 0.68],
  ["A40", 15, 0.44],
  ["B200", 6, 4.9],
  ["MI300X", 10, 2.05],
  ["MI325X", 4, 2.6],
  ["MI250X", 8, 1.15],
  ["MI210", 6, 0.6],
];
const regions: [string, string, number][] = [
  ["US", "Ashburn", 14],
  ["US", "Dallas", 9],
  ["US", "Portland", 7],
  ["US", "Chicago", 6],
  ["CA", "Montreal", 6],
  ["DE", "Frankfurt", 8],
  ["FI", "Helsinki", 4],
  ["NL", "Amsterdam", 6],
  ["SE", "Stockholm", 3],
  ["IS", "Reykjavik", 2],
  ["GB", "London", 5],
  ["FR", "Paris", 4],
  ["PL", "Warsaw", 3],
  ["SG", "Singapore", 5],
  ["JP", "Tokyo", 4],
  ["KR", "Seoul", 3],
  ["IN", "Mumbai", 3],
  ["AU", "Sydney", 2],
  ["BR", "Sao Paulo", 2],
  ["ZA", "Johannesburg", 1],
];
const statuses: [string, number][] = [
  ["LIVE", 85],
  ["PAUSED", 5],
  ["DRAFT", 3],
  ["PENDING_REVIEW", 3],
  ["ARCHIVED", 3],
  ["REJECTED", 1],
];
const bandwidths: [number, number][] = [
  [100, 10],
  [500, 20],
  [1000, 35],
  [2500, 15],
  [10000, 15],
  [25000, 5],
];

function weighted<T>(items: readonly (readonly [...unknown[]])[], weightIndex: number): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) cumulative.push((sum += item[weightIndex] as number));
  return () => {
    const r = Math.random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}
const pickModel = weighted<[GpuModelId, number, number]>(models, 1);
const pickRegion = weighted<[string, string, number]>(regions, 2);
const pickStatus = weighted<[string, number]>(statuses, 1);
const pickBandwidth = weighted<[number, number]>(bandwidths, 1);
const specs = new Map<string, (typeof gpuCatalog)[number]>(gpuCatalog.map((g) => [g.id, g]));
const pickOf = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

function seedId(): string {
  return `seed_${randomBytes(12).toString("base64url")}`;
}

/** Integer cents around the model's going rate: 0.65x to 1.6x, skewed towards the rate. */
function priceBaseUnits(rate: number): string {
  const factor = 0.65 + 0.95 * Math.random() * Math.random();
  return String(Math.max(1, Math.round(rate * factor * 100)) * 10_000);
}

function cuda(model: GpuModelId): [number, string] {
  if (model.startsWith("MI")) return [0, "ROCm 6.3"];
  if (model === "B200" || model === "RTX-5090") return [pickOf([128, 128, 129]), "570.124"];
  return pickOf<[number, string]>([
    [118, "520.61"],
    [121, "530.30"],
    [122, "535.183"],
    [123, "545.29"],
    [124, "550.127"],
    [124, "550.127"],
    [126, "560.35"],
    [128, "570.124"],
  ]);
}

const machineColumns = [
  ["id", "text"],
  ["providerId", "text"],
  ["gpuModel", "text"],
  ["gpuCount", "int"],
  ["vramGb", "int"],
  ["tflopsPerGpu", "numeric"],
  ["cpuCores", "int"],
  ["ramGb", "int"],
  ["diskGb", "int"],
  ["uploadMbps", "int"],
  ["downloadMbps", "int"],
  ["country", "text"],
  ["city", "text"],
  ["cudaVersion", "int"],
  ["driverVersion", "text"],
  ["pricePerGpuHour", "numeric"],
  ["minHours", "int"],
  ["maxHours", "int"],
  ["description", "text"],
  ["status", "text"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
  ["providerReliability", "int"],
] as const;

function machineRow(providers: [string, number][], now: number): unknown[] {
  const [providerId, reliability] = pickOf(providers);
  const [model, , rate] = pickModel();
  const spec = specs.get(model);
  if (!spec) throw new Error(`unknown model ${model}`);
  const [country, city] = pickRegion();
  const gpuCount = spec.segment === "datacenter" ? pickOf([1, 2, 4, 8, 8, 8, 4]) : pickOf([1, 1, 1, 2, 2, 4, 8]);
  const [cudaVersion, driver] = cuda(model);
  const bandwidth = pickBandwidth()[0];
  const createdAt = new Date(now - Math.floor(Math.random() * 365 * 86_400_000));
  return [
    seedId(),
    providerId,
    model,
    gpuCount,
    spec.vramGb,
    spec.tflops,
    gpuCount * pickOf([8, 12, 16, 24, 32]),
    gpuCount * pickOf([32, 64, 128, 256]),
    pickOf([500, 1000, 2000, 4000, 8000, 16000]),
    Math.max(100, bandwidth / pickOf([1, 2, 4])),
    bandwidth,
    country,
    city,
    cudaVersion,
    driver,
    priceBaseUnits(rate),
    pickOf([1, 1, 2, 4, 24]),
    pickOf([168, 336, 720, 2160]),
    `${gpuCount}x ${spec.name} in ${city}.`,
    pickStatus()[0],
    createdAt,
    createdAt,
    reliability,
  ];
}

async function insertColumns(client: pg.Client, table: string, columns: readonly (readonly [string, string])[], rows: unknown[][]) {
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const casts = columns.map(([c]) => (c === "status" ? `"status"::"ListingStatus"` : `"${c}"`)).join(", ");
  await client.query(`INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${unnest}) AS t(${names})`, arrays);
}

async function main() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    if (values.reset) {
      await client.query(`DELETE FROM "Machine" WHERE id LIKE 'seed\\_%'`);
      await client.query(`DELETE FROM "User" WHERE id LIKE 'seed\\_%'`);
    }
    const providers: [string, number][] = [];
    const users: unknown[][] = [];
    for (let i = 0; i < providerCount; i++) {
      const id = seedId();
      const completed = Math.floor(Math.random() * Math.random() * 200);
      const failed = Math.floor(Math.random() * Math.random() * Math.min(20, completed + 2));
      const score = reliabilityScore(completed, failed);
      providers.push([id, score]);
      const address = `0x${randomBytes(20).toString("hex")}`;
      users.push([id, address, Math.random() < 0.005, completed, failed, score, new Date(), new Date()]);
    }
    const userColumns = [
      ["id", "text"],
      ["address", "text"],
      ["banned", "bool"],
      ["completedRentals", "int"],
      ["failedRentals", "int"],
      ["reliability", "int"],
      ["createdAt", "timestamp"],
      ["updatedAt", "timestamp"],
    ] as const;
    await insertColumns(client, "User", userColumns, users);

    const now = Date.now();
    for (let done = 0; done < total;) {
      await client.query("BEGIN");
      const txEnd = Math.min(total, done + 100_000);
      while (done < txEnd) {
        const n = Math.min(5_000, txEnd - done);
        await insertColumns(
          client,
          "Machine",
          machineColumns,
          Array.from({ length: n }, () => machineRow(providers, now)),
        );
        done += n;
      }
      await client.query("COMMIT");
      process.stdout.write(`\r${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} listings`);
    }
    // A freshly bulk-loaded table has no visibility map or statistics yet; a live one would.
    await client.query(`VACUUM (ANALYZE) "User"`);
    await client.query(`VACUUM (ANALYZE) "Machine"`);
    console.log(
      `\nseeded ${providerCount.toLocaleString("en-US")} providers and ${total.toLocaleString("en-US")} listings in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

await main();
