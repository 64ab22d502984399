/** `search` and `show`: the marketplace as the v1 API serves it. */
import { listingDetailSchema, listingPageSchema } from "@/lib/listings/listing-dto";
import { parseSearchParams } from "@/lib/listings/search-schema";
import type { Context, OutputFlags } from "../context";
import { usage } from "../errors";
import { amount, fields, json, table } from "../format";

/** Each search flag and the API parameter it becomes; validated with the server's own parser. */
export const searchFlags = {
  gpu: "gpu",
  "min-gpus": "minGpus",
  "min-vram": "minVram",
  "max-price": "maxPrice",
  region: "region",
  "min-bandwidth": "minBandwidth",
  "min-cuda": "minCuda",
  "min-reliability": "minReliability",
  "min-uptime": "minUptime",
  sort: "sort",
  limit: "limit",
  cursor: "cursor",
} as const;

const flagOf = Object.fromEntries(Object.entries(searchFlags).map(([flag, param]) => [param, flag]));

export interface SearchOptions extends OutputFlags {
  values: Partial<Record<keyof typeof searchFlags, string | string[]>>;
  online?: boolean;
}

export function searchParams(options: SearchOptions): URLSearchParams {
  const params = new URLSearchParams();
  for (const [flag, param] of Object.entries(searchFlags)) {
    for (const v of [options.values[flag as keyof typeof searchFlags] ?? []].flat()) params.append(param, v);
  }
  if (options.online) params.set("onlineNow", "1");
  // The same parser as the server's, so a bad flag is named before any request is made.
  const parsed = parseSearchParams(params);
  if (!parsed.ok) {
    const [param, reasons] = Object.entries(parsed.fieldErrors)[0] ?? ["", []];
    throw usage(`--${flagOf[param] ?? param}: ${reasons.join(", ")}`);
  }
  return params;
}

export async function search(ctx: Context, options: SearchOptions): Promise<number> {
  const page = await (await ctx.api()).get("/api/v1/listings", listingPageSchema, searchParams(options));
  if (options.json) ctx.io.out(json(page));
  else if (options.quiet) page.items.forEach((l) => ctx.io.out(l.id));
  else if (page.items.length === 0) ctx.io.err("no listings match");
  else {
    const rows = page.items.map((l) => [
      l.id,
      `${l.gpuCount}x ${l.gpuName}`,
      `${l.vramGb} GB`,
      amount(l.pricePerGpuHour),
      l.country,
      l.agent.onlineNow ? "online" : "-",
    ]);
    ctx.io.out(table(["LISTING", "GPUS", "VRAM", "PER GPU-HOUR", "REGION", "AGENT"], rows));
    const more = page.total.capped ? `more than ${page.total.count}` : String(page.total.count);
    ctx.io.err(`${page.items.length} of ${more}${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ""}`);
  }
  return 0;
}

export async function show(ctx: Context, id: string, options: OutputFlags): Promise<number> {
  const l = await (await ctx.api()).get(`/api/v1/listings/${encodeURIComponent(id)}`, listingDetailSchema);
  if (options.json) {
    ctx.io.out(json(l));
    return 0;
  }
  ctx.io.out(
    fields([
      ["listing", l.id],
      ["status", l.status],
      ["gpus", `${l.gpuCount}x ${l.gpuName} (${l.vramGb} GB, ${l.tflopsPerGpu} TFLOPS each)`],
      ["cpu, ram, disk", `${l.cpuCores} cores, ${l.ramGb} GB, ${l.diskGb} GB`],
      ["network", `${l.downloadMbps} down / ${l.uploadMbps} up Mbit/s`],
      ["cuda, driver", `${l.cudaVersion ?? "none"}, ${l.driverVersion}`],
      ["where", `${l.city}, ${l.country}`],
      ["price", `${amount(l.pricePerGpuHour)} per GPU-hour, ${l.minHours}-${l.maxHours} h`],
      ["provider", `${l.provider.address} (reliability ${l.provider.reliability})`],
      ["agent", l.agent.verifiedAt ? `verified ${l.agent.verifiedAt}, ${l.agent.onlineNow ? "online" : "offline"}` : "not verified"],
    ]),
  );
  return 0;
}
