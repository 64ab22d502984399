/**
 * Marketplace search on the real database: every sort pages through with the keyset cursor
 * in the right order without repeats, filters combine, the generated value column agrees with
 * the TypeScript price maths, the count is capped, and the empty state names the filter to relax.
 */
import { describe, expect, it } from "vitest";
import { toBaseUnits } from "@/lib/core/money";
import { valueKey } from "@/lib/listings/price";
import { db } from "@/lib/core/server/db";
import { COUNT_CAP } from "@/lib/listings/server/search-sql";
import type { PublicListing } from "@/lib/listings/listing-dto";
import { getListingForViewer } from "@/lib/listings/server/queries";
import { countListings, searchListings, suggestRelaxation } from "@/lib/listings/server/search";
import { parseSearchParams, sorts, type SearchQuery } from "@/lib/listings/search-schema";
import { createMachine, createUser } from "@/test/factories";
import { gpuSpec, type GpuModelId } from "@/lib/listings/gpu-catalog";

function query(qs: string): SearchQuery {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.query;
}

/** A market of 9 listings in `region` with ties in every sort key. */
async function market(region: string) {
  const provider = await createUser();
  const specs: [GpuModelId, number, string][] = [
    ["H100-SXM", 8, "2.19"],
    ["H100-SXM", 1, "2.19"],
    ["RTX-4090", 1, "0.34"],
    ["RTX-4090", 4, "0.31"],
    ["A100-SXM-80", 8, "1.29"],
    ["L4", 1, "0.39"],
    ["MI300X", 8, "2.09"],
    ["RTX-3090", 2, "0.21"],
    ["RTX-3090", 2, "0.21"],
  ];
  const rows = [];
  for (const [i, [model, gpuCount, price]] of specs.entries()) {
    const spec = gpuSpec(model);
    rows.push(
      await createMachine(provider.id, {
        gpuModel: model,
        gpuCount,
        vramGb: spec?.vramGb,
        tflopsPerGpu: spec?.tflops,
        country: region,
        cudaVersion: model.startsWith("MI") ? 0 : 124,
        pricePerGpuHour: toBaseUnits(price).toString(),
        createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 4))),
      }),
    );
  }
  return rows;
}

async function walk(qs: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const result = await searchListings(query(`${qs}&limit=2${cursor ? `&cursor=${cursor}` : ""}`));
    ids.push(...result.items.map((i) => i.id));
    cursor = result.nextCursor;
  } while (cursor);
  return ids;
}

describe("searchListings", () => {
  it("pages through every sort in order, without repeats, and agrees with the SQL value column", async () => {
    await market("YA");
    const all = await db.$queryRaw<
      { id: string; price: string; value: string; vram: number; tflops: string; created: Date; tpg: string; model: string }[]
    >`
      SELECT id, "gpuModel" AS model, "pricePerGpuHour"::text AS price, "valueKey"::text AS value, "vramGb" AS vram, "totalTflops"::text AS tflops,
             "createdAt" AS created, "tflopsPerGpu"::text AS tpg
        FROM "Machine" WHERE country = 'YA'`;
    for (const row of all) expect(valueKey(BigInt(row.price), row.tpg).toString()).toBe(row.value);

    const cmp = (a: bigint | number, b: bigint | number) => (a < b ? -1 : a > b ? 1 : 0);
    const byId = (a: { id: string }, b: { id: string }) => cmp(a.id < b.id ? 0 : 1, a.id < b.id ? 1 : 0);
    const expected: Record<string, string[]> = {
      price: [...all].sort((a, b) => cmp(BigInt(a.price), BigInt(b.price)) || byId(a, b)).map((r) => r.id),
      value: [...all].sort((a, b) => cmp(BigInt(a.value), BigInt(b.value)) || byId(a, b)).map((r) => r.id),
      vram: [...all].sort((a, b) => cmp(b.vram, a.vram) || byId(b, a)).map((r) => r.id),
      tflops: [...all].sort((a, b) => cmp(Number(b.tflops) * 10, Number(a.tflops) * 10) || byId(b, a)).map((r) => r.id),
      newest: [...all].sort((a, b) => cmp(b.created.getTime(), a.created.getTime()) || byId(b, a)).map((r) => r.id),
    };
    for (const sort of sorts) {
      expect(await walk(`region=YA&sort=${sort}`), sort).toEqual(expected[sort]);
      // The per-model branch plan (several models) must give the same order as the single-index walk.
      const models = "gpu=H100-SXM&gpu=RTX-4090&gpu=RTX-3090&gpu=A100-SXM-80&gpu=L4&gpu=MI300X";
      expect(await walk(`region=YA&sort=${sort}&${models}`), `${sort} by model`).toEqual(expected[sort]);
      // A price cap with another sort prunes models first, then walks the rest per model.
      const cheap = new Set(all.filter((r) => BigInt(r.price) <= 1_000_000n).map((r) => r.id));
      expect(await walk(`region=YA&sort=${sort}&maxPrice=1.00`), `${sort} under 1.00`).toEqual(
        expected[sort]?.filter((id) => cheap.has(id)),
      );
      const cheapH100 = expected[sort]?.filter((id) =>
        all.find((r) => r.id === id && BigInt(r.price) <= 2_190_000n && r.model === "H100-SXM"),
      );
      expect(await walk(`region=YA&sort=${sort}&maxPrice=2.19&gpu=H100-SXM`), `${sort} H100 under 2.19`).toEqual(cheapH100);
    }
  });

  it("returns what the single-listing read returns, times in UTC whatever the server's time zone", async () => {
    // Search reads through the bare driver (queryRows), single reads through Prisma: one DTO.
    const previous = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const provider = await createUser();
      const machine = await createMachine(provider.id, {
        gpuModel: "H100-SXM",
        country: "YC",
        createdAt: new Date(Date.UTC(2026, 0, 1, 23, 30)),
      });
      const [found] = (await searchListings(query("region=YC"))).items;
      expect(found?.createdAt).toBe("2026-01-01T23:30:00.000Z");
      const single = await getListingForViewer(machine.id, null);
      expect(single && found && Object.fromEntries(Object.keys(found).map((k) => [k, single[k as keyof PublicListing]]))).toEqual(found);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it("combines filters, including minVram as a set of models", async () => {
    await market("YB");
    const names = async (qs: string) => (await searchListings(query(`region=YB&${qs}`))).items.map((i) => `${i.gpuModel}x${i.gpuCount}`);
    expect(new Set(await names("minVram=80"))).toEqual(new Set(["MI300Xx8", "H100-SXMx8", "H100-SXMx1", "A100-SXM-80x8"]));
    expect(await names("minGpus=4&maxPrice=1.50")).toEqual(["RTX-4090x4", "A100-SXM-80x8"]);
    expect(await names("gpu=RTX-3090,RTX-4090&maxPrice=0.33")).toEqual(["RTX-3090x2", "RTX-3090x2", "RTX-4090x4"]);
    expect(await names("minCuda=12.4&gpu=MI300X")).toEqual([]);
    expect(await names("minVram=100&gpu=RTX-4090")).toEqual([]);
    expect(await names("minReliability=81")).toEqual([]);
    expect((await names("minReliability=80")).length).toBe(9);
  });

  it("caps the count and labels it", async () => {
    const provider = await createUser();
    await db.machine.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        id: `cap-${i}-${provider.id}`,
        providerId: provider.id,
        gpuModel: "T4",
        gpuCount: 1,
        vramGb: 16,
        tflopsPerGpu: 65,
        cpuCores: 4,
        ramGb: 16,
        diskGb: 100,
        uploadMbps: 100,
        downloadMbps: 100,
        country: "YC",
        city: "Cap",
        cudaVersion: 122,
        driverVersion: "535",
        pricePerGpuHour: "100000",
        status: "LIVE" as const,
      })),
    });
    expect(await countListings(query("region=YC").filters)).toEqual({ count: COUNT_CAP, capped: true });
    expect(await countListings(query("region=YC&maxPrice=0.01").filters)).toEqual({ count: 0, capped: false });
  });

  it("suggests relaxing the filter that excludes the most listings", async () => {
    await market("YD");
    const filters = query("region=YD&gpu=H100-SXM&maxPrice=1.00").filters;
    expect((await searchListings(query("region=YD&gpu=H100-SXM&maxPrice=1.00"))).items).toEqual([]);
    // Without region: still nothing; without the H100 filter: 5 cheap listings; without the price cap: 2 H100s.
    expect(await suggestRelaxation(filters)).toEqual({ filter: "gpu", total: { count: 5, capped: false } });
  });
});
