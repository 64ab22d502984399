import { describe, expect, it } from "vitest";
import {
  activeFilters,
  decodeCursor,
  encodeCursor,
  filtersToParams,
  parseSearchParams,
  withoutFilter,
  type ListingFilters,
} from "@/lib/listings/search-schema";

function ok(input: string | Record<string, string | string[]>) {
  const result = parseSearchParams(typeof input === "string" ? new URLSearchParams(input) : input);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.query;
}

describe("parseSearchParams", () => {
  it("defaults to every live listing by price, 24 a page", () => {
    expect(ok("")).toEqual({ filters: { gpu: [] }, sort: "price", limit: 24, cursor: undefined });
  });

  it("parses every filter into stored units: base units, CUDA major*10+minor, upper-case regions", () => {
    const q = ok(
      "gpu=H100-SXM&gpu=A100-SXM-80,L4&minGpus=2&minVram=48&maxPrice=1.85&region=de&minBandwidth=1000&minCuda=12.4&minReliability=90&sort=value&limit=50",
    );
    expect(q.filters).toEqual({
      gpu: ["H100-SXM", "A100-SXM-80", "L4"],
      minGpus: 2,
      minVram: 48,
      maxPrice: 1_850_000n,
      region: "DE",
      minBandwidth: 1000,
      minCuda: 124,
      minReliability: 90,
    });
    expect(q.sort).toBe("value");
    expect(q.limit).toBe(50);
  });

  it("treats empty values (an untouched GET form field) as no filter, and ignores unknown parameters", () => {
    expect(ok("minGpus=&maxPrice=&region=%20&gpu=&utm_source=x").filters).toEqual({ gpu: [] });
  });

  it("accepts a Next searchParams record", () => {
    expect(ok({ gpu: ["T4", "L4"], minVram: "16" }).filters).toMatchObject({ gpu: ["T4", "L4"], minVram: 16 });
  });

  it("expands a GPU family to every variant in the catalog, alone or beside exact models", () => {
    expect(ok("gpu=H100").filters.gpu).toEqual(["H100-SXM", "H100-NVL", "H100-PCIE"]);
    expect(ok("gpu=A100").filters.gpu).toEqual(["A100-SXM-80", "A100-SXM-40", "A100-PCIE-80", "A100-PCIE-40"]);
    // A variant named as well as its family, or a one-model family, is not listed twice.
    expect(ok("gpu=H100-NVL,H100&gpu=L4").filters.gpu).toEqual(["H100-NVL", "H100-SXM", "H100-PCIE", "L4"]);
    expect(ok({ gpu: ["H200", "V100"] }).filters.gpu).toEqual(["H200", "V100-SXM-32", "V100-PCIE-16"]);
  });

  it("still rejects an unknown model or family, naming gpu and the value", () => {
    for (const qs of ["gpu=H900", "gpu=H100,h100", "gpu=A100-SXM"]) {
      const result = parseSearchParams(new URLSearchParams(qs));
      expect(result, qs).toMatchObject({
        ok: false,
        fieldErrors: { gpu: [expect.stringMatching(/^unknown GPU model "(H900|h100|A100-SXM)"$/)] },
      });
    }
  });

  it("never parses prices through floats", () => {
    // 0.1 + 0.2 style values stay exact in base units.
    expect(ok("maxPrice=0.3").filters.maxPrice).toBe(300_000n);
    expect(ok("maxPrice=999.999999").filters.maxPrice).toBe(999_999_999n);
    expect(ok("maxPrice=123.000001").filters.maxPrice).toBe(123_000_001n);
  });

  it.each([
    ["gpu=H900", "gpu"],
    ["minGpus=1.5", "minGpus"],
    ["minVram=0", "minVram"],
    ["maxPrice=1e3", "maxPrice"],
    ["maxPrice=-1", "maxPrice"],
    ["region=D3", "region"],
    ["minCuda=twelve", "minCuda"],
    ["minReliability=-5", "minReliability"],
    ["sort=random", "sort"],
    ["limit=1000", "limit"],
    ["minGpus=1&minGpus=2", "minGpus"],
    ["cursor=a&cursor=b", "cursor"],
  ])("%s is an error on %s", (qs, param) => {
    const result = parseSearchParams(new URLSearchParams(qs));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual([param]);
  });
});

describe("cursor", () => {
  it("round-trips and is opaque base64url", () => {
    const raw = encodeCursor({ sort: "newest", key: "2026-01-02T03:04:05.678Z", id: "cabc123" });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw, "newest")).toEqual({ sort: "newest", key: "2026-01-02T03:04:05.678Z", id: "cabc123" });
    expect(ok(`sort=newest&cursor=${raw}`).cursor?.id).toBe("cabc123");
  });

  it.each([
    ["not base64!", "price"],
    [Buffer.from("{}").toString("base64url"), "price"],
    [encodeCursor({ sort: "price", key: "1.5", id: "x" }), "price"],
    [encodeCursor({ sort: "tflops", key: "100.25", id: "x" }), "tflops"],
    [encodeCursor({ sort: "newest", key: "2026-13-45T00:00:00.000Z", id: "x" }), "newest"],
    [encodeCursor({ sort: "newest", key: "2026-02-30T00:00:00.000Z", id: "x" }), "newest"],
    [encodeCursor({ sort: "price", key: "100", id: "x;drop" }), "price"],
    [encodeCursor({ sort: "price", key: "100", id: "x" }), "vram"],
  ] as const)("rejects %s for sort %s", (raw, sort) => {
    expect(typeof decodeCursor(raw, sort)).toBe("string");
  });
});

describe("filtersToParams", () => {
  it("is the inverse of parsing", () => {
    const qs = "gpu=H100-SXM&gpu=L4&minGpus=2&minVram=48&maxPrice=1.85&region=DE&minBandwidth=1000&minCuda=12.4&minReliability=90";
    const filters = ok(qs).filters;
    expect(ok(filtersToParams(filters).toString()).filters).toEqual(filters);
    expect(filtersToParams(filters, { sort: "vram" }).get("sort")).toBe("vram");
    expect(filtersToParams(filters, { sort: "price" }).has("sort")).toBe(false);
  });

  it("removes one filter at a time", () => {
    const filters: ListingFilters = { gpu: ["T4"], maxPrice: 1n, region: "US" };
    expect(activeFilters(filters)).toEqual(["gpu", "maxPrice", "region"]);
    expect(activeFilters(withoutFilter(filters, "gpu"))).toEqual(["maxPrice", "region"]);
    expect(activeFilters(withoutFilter(filters, "maxPrice"))).toEqual(["gpu", "region"]);
  });
});
