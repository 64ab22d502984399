import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  responses: Record<string, { description?: string }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const methods = ["get", "post", "put", "patch", "delete"] as const;

async function served(): Promise<Document> {
  return (await GET().json()) as Document;
}

function operations(doc: Document): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    methods.filter((m) => item[m]).map((m): [string, Operation] => [`${m.toUpperCase()} ${p}`, item[m] as Operation]),
  );
}

/** Route handlers on disk as "METHOD /api/...{param}" (app/api/v1/listings/[id]/route.ts exporting GET: "GET /api/v1/listings/{id}"). */
function routeHandlers(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const urlPath = `/${path.relative("app", dir).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
          found.push(`${method} ${urlPath}`);
      }
    }
  };
  walk(root);
  return found;
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document by a maintained validator, with no rule relaxed", async () => {
    const result = await validate(await GET().json());
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
  });

  it("rejects what a strict client generator rejects, e.g. a response without a description", async () => {
    // Guards the test above: the validator really checks, so a valid verdict means something.
    const broken = await GET().json();
    delete broken.paths["/api/v1/listings"].get.responses["200"].description;
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(compileErrors(result)).toContain("description");
  });

  it("names and describes every operation and every response", async () => {
    const ops = operations(await served());
    expect(ops.length).toBeGreaterThan(20);
    const ids = ops.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, op] of ops) {
      expect(op.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary?.length, `${name} summary`).toBeGreaterThan(5);
      expect(op.description?.length, `${name} description`).toBeGreaterThan(20);
      expect(op.tags?.length, `${name} tags`).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses)) expect(response.description, `${name} ${status}`).toBeTruthy();
    }
  });

  it("documents every route handler under /api/v1 (and the dev faucet), and nothing that does not exist", async () => {
    const onDisk = [...routeHandlers("app/api/v1"), ...routeHandlers("app/api/dev")].filter((r) => r !== "GET /api/v1/openapi.json").sort();
    const documented = operations(await served())
      .map(([name]) => name)
      .sort();
    expect(documented).toEqual(onDisk);
  });

  it("generates response bodies from the zod schemas: dates as ISO strings, money as base-unit strings, nested schemas as $refs", async () => {
    const { components, paths } = await served();
    const schemas = components.schemas as Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }>;
    expect(schemas.Job?.properties.offerDeadline).toEqual({ type: "string", format: "date-time" });
    expect(schemas.Listing?.properties.pricePerGpuHour).toMatchObject({ type: "string", pattern: "^\\d+$" });
    expect(schemas.Listing?.properties.gpuModel?.enum).toContain("H100-SXM");
    expect(schemas.ListingPage?.properties.items).toEqual({ type: "array", items: { $ref: "#/components/schemas/Listing" } });
    expect(schemas.AcceptedOffer?.properties.order).toEqual({ $ref: "#/components/schemas/Order" });
    // Owner-only fields of a single listing are optional; what everyone sees is required.
    expect(schemas.ListingDetail?.required).toEqual(expect.arrayContaining(["status", "description", "provider"]));
    expect(schemas.ListingDetail?.required).not.toContain("rejectionReason");
    const search = paths["/api/v1/listings"]?.get?.responses["200"] as { content: Record<string, { schema: unknown }> };
    expect(search.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/ListingPage" });
  });
});
