/**
 * The v1 listings API, called through its route handlers against the real test database:
 * every error path answers its 4xx (never a 500), and only LIVE listings of providers who
 * are not banned are public while owners and admins see the rest.
 */
import { describe, expect, it } from "vitest";
import { GET as getListing, PATCH as patchListing } from "@/app/api/v1/listings/[id]/route";
import { POST as postStatus } from "@/app/api/v1/listings/[id]/status/route";
import { GET as searchListings, POST as createListing } from "@/app/api/v1/listings/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { encodeCursor } from "@/lib/listings/search-schema";
import { appUrl, browserHeaders, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";

const base = `${appUrl.origin}/api/v1/listings`;
let regionSeq = 0;
/** A user-assigned ISO code (QA..QZ, XA..XZ) per test, so searches see only that test's rows. */
function freshRegion(): string {
  const n = regionSeq++;
  return `${n < 26 ? "Q" : "X"}${String.fromCharCode(65 + (n % 26))}`;
}

async function search(query: string) {
  const res = await searchListings(new Request(`${base}?${query}`), undefined);
  return { status: res.status, body: await res.json() };
}
async function getOne(id: string, headers?: Headers) {
  const res = await getListing(new Request(`${base}/${id}`, { headers }), { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json() };
}
async function post(headers: Headers, body: unknown) {
  const res = await createListing(
    new Request(base, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }),
    undefined,
  );
  return { status: res.status, body: await res.json() };
}
async function patch(id: string, headers: Headers, body: unknown) {
  const res = await patchListing(new Request(`${base}/${id}`, { method: "PATCH", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });
  return { status: res.status, body: await res.json() };
}
async function transition(id: string, headers: Headers, body: unknown) {
  const res = await postStatus(new Request(`${base}/${id}/status`, { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });
  return { status: res.status, body: await res.json() };
}

const validBody = {
  gpuModel: "H100-SXM",
  gpuCount: 8,
  cpuCores: 128,
  ramGb: 1024,
  diskGb: 8000,
  uploadMbps: 10000,
  downloadMbps: 10000,
  country: "de",
  city: "Frankfurt",
  cudaVersion: "12.4",
  driverVersion: "550.127",
  pricePerGpuHour: "2.19",
  minHours: 1,
  maxHours: 720,
  description: "8x H100 SXM, NVLink",
};

describe("GET /api/v1/listings parameter errors", () => {
  it.each([
    ["gpu=H900", "gpu"],
    ["minGpus=abc", "minGpus"],
    ["minGpus=0", "minGpus"],
    ["minVram=-1", "minVram"],
    ["maxPrice=1.2345678", "maxPrice"],
    ["maxPrice=0", "maxPrice"],
    // Used to overflow the value sort's ::bigint bound (a 500); the cap is a listing's own maximum price.
    ["sort=value&maxPrice=100000000000000", "maxPrice"],
    ["maxPrice=1000.000001", "maxPrice"],
    ["region=USA", "region"],
    ["minBandwidth=fast", "minBandwidth"],
    ["minCuda=12", "minCuda"],
    ["minReliability=101", "minReliability"],
    ["sort=cheapest", "sort"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["sort=price&sort=vram", "sort"],
    ["cursor=%%%", "cursor"],
    ["cursor=bm90LWpzb24", "cursor"],
    [`cursor=${Buffer.from(JSON.stringify(["price", "1' OR 1=1", "x"])).toString("base64url")}`, "cursor"],
    [`sort=vram&cursor=${encodeCursor({ sort: "price", key: "100", id: "abc" })}`, "cursor"],
    [`sort=value&cursor=${encodeCursor({ sort: "value", key: "9".repeat(25), id: "abc" })}`, "cursor"],
    [`sort=newest&cursor=${encodeCursor({ sort: "newest", key: "2026-02-30T00:00:00.000Z", id: "abc" })}`, "cursor"],
  ])("%s -> 400 naming %s", async (query, param) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_parameter");
    expect(Object.keys(body.fieldErrors)).toEqual([param]);
    expect(body.fieldErrors[param][0]).toEqual(expect.any(String));
  });

  it("names every bad parameter at once", async () => {
    const { status, body } = await search("minGpus=x&sort=y&gpu=Z");
    expect(status).toBe(400);
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["gpu", "minGpus", "sort"]);
  });
});

describe("GET /api/v1/listings?gpu=<family>", () => {
  it("finds every variant of the family and nothing else", async () => {
    const region = freshRegion();
    const provider = await createUser();
    const models = ["H100-SXM", "H100-PCIE", "H100-NVL", "H200", "A100-SXM-80"];
    const [sxm, pcie, nvl, , a100] = await Promise.all(models.map((gpuModel) => createMachine(provider.id, { gpuModel, country: region })));

    const h100 = await search(`gpu=H100&region=${region}`);
    expect(h100.status).toBe(200);
    expect(h100.body.items.map((i: { id: string }) => i.id).sort()).toEqual([sxm?.id, pcie?.id, nvl?.id].sort());
    expect(h100.body.total).toEqual({ count: 3, capped: false });

    const mixed = await search(`gpu=A100,H100-NVL&region=${region}`);
    expect(mixed.body.items.map((i: { id: string }) => i.id).sort()).toEqual([nvl?.id, a100?.id].sort());
  });

  it("answers 400 naming gpu for a family the catalog does not have", async () => {
    const { status, body } = await search("gpu=H900");
    expect(status).toBe(400);
    expect(body.fieldErrors).toEqual({ gpu: ['unknown GPU model "H900"'] });
  });
});

describe("GET /api/v1/listings with extreme but valid values", () => {
  it.each([
    `cursor=${encodeCursor({ sort: "price", key: "9".repeat(30), id: "zzz" })}`,
    `sort=vram&cursor=${encodeCursor({ sort: "vram", key: "999999999", id: "zzz" })}`,
    `sort=tflops&cursor=${encodeCursor({ sort: "tflops", key: "99999999999.9", id: "zzz" })}`,
    `sort=value&cursor=${encodeCursor({ sort: "value", key: "9".repeat(18), id: "zzz" })}`,
    "maxPrice=1000&sort=value&minBandwidth=400000&minGpus=64&minVram=1024",
  ])("%s answers 200", async (qs) => {
    expect((await search(qs)).status).toBe(200);
  });
});

describe("visibility", () => {
  it("only LIVE listings of providers who are not banned are public", async () => {
    const region = freshRegion();
    const provider = await createUser();
    const banned = await createUser({ banned: true, bannedReason: "fraud" });
    const statuses: ListingStatus[] = ["DRAFT", "PENDING_REVIEW", "LIVE", "PAUSED", "REJECTED", "SUSPENDED", "ARCHIVED"];
    const machines = await Promise.all(statuses.map((status) => createMachine(provider.id, { status, country: region })));
    const bannedLive = await createMachine(banned.id, { status: "LIVE", country: region });
    const live = machines[2];

    const { status, body } = await search(`region=${region}`);
    expect(status).toBe(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([live?.id]);
    expect(body.total).toEqual({ count: 1, capped: false });
    expect(body.items[0]).toMatchObject({ pricePerGpuHour: "400000", provider: { address: provider.address, reliability: 80 } });

    expect((await getOne(bannedLive.id)).status).toBe(404);
    expect((await getOne(live?.id ?? "")).status).toBe(200);
  });

  it("a pending listing is visible to its owner and admins only", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const admin = await createUser({ roles: ["ADMIN"] });
    const pending = await createMachine(owner.id, { status: "PENDING_REVIEW" });

    expect((await getOne(pending.id)).status).toBe(404);
    expect((await getOne(pending.id, await signedInHeaders(stranger.id))).status).toBe(404);
    const asOwner = await getOne(pending.id, await signedInHeaders(owner.id));
    expect(asOwner.status).toBe(200);
    expect(asOwner.body).toMatchObject({ id: pending.id, status: "PENDING_REVIEW", rejectionReason: null });
    expect((await getOne(pending.id, await signedInHeaders(admin.id))).body.status).toBe("PENDING_REVIEW");
  });

  it("the public view of a live listing hides review details", async () => {
    const owner = await createUser();
    const live = await createMachine(owner.id, { status: "LIVE" });
    const { body } = await getOne(live.id);
    expect(body).toMatchObject({ id: live.id, status: "LIVE", gpuModel: "RTX-4090" });
    expect(body).not.toHaveProperty("rejectionReason");
    expect(body).not.toHaveProperty("providerId");
  });

  it("unknown and malformed ids are 404", async () => {
    expect((await getOne("cnotarealid000000000000000")).status).toBe(404);
    expect((await getOne("../../etc/passwd")).body).toMatchObject({ error: "not_found" });
  });
});

describe("POST /api/v1/listings", () => {
  it("needs a session and a same-origin request", async () => {
    expect((await post(browserHeaders(), validBody)).status).toBe(401);
    const user = await createUser();
    const crossSite = await signedInHeaders(user.id, { origin: "https://evil.example" });
    expect((await post(crossSite, validBody)).body.error).toBe("bad_origin");
  });

  it("rejects a body that is not a JSON object, and names each bad field", async () => {
    const headers = await signedInHeaders((await createUser()).id);
    expect((await post(headers, "not json")).body).toMatchObject({
      error: "invalid_parameter",
      fieldErrors: { body: ["must be a JSON object"] },
    });
    expect((await post(headers, [1, 2])).status).toBe(400);
    const bad = await post(headers, {
      ...validBody,
      gpuModel: "GTX-1080",
      pricePerGpuHour: "1.8555555",
      minHours: 10,
      maxHours: 2,
      submit: "yes",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldErrors)).toEqual(["submit"]);
    const bad2 = await post(headers, { ...validBody, gpuModel: "GTX-1080", pricePerGpuHour: "1.8555555", country: "Germany" });
    expect(Object.keys(bad2.body.fieldErrors).sort()).toEqual(["country", "gpuModel", "pricePerGpuHour"]);
    const hours = await post(headers, { ...validBody, minHours: 10, maxHours: 2 });
    expect(hours.body.fieldErrors).toEqual({ maxHours: ["Maximum hours must be at least the minimum hours"] });
  });

  it("creates a draft with the price in base units and specs from the catalog; submit: true goes to review", async () => {
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    const draft = await post(headers, validBody);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      status: "DRAFT",
      pricePerGpuHour: "2190000",
      vramGb: 80,
      tflopsPerGpu: "989.0",
      totalTflops: "7912.0",
      country: "DE",
      cudaVersion: "12.4",
    });
    const row = await db.machine.findUniqueOrThrow({ where: { id: draft.body.id } });
    expect(row.providerId).toBe(user.id);
    expect(row.pricePerGpuHour.toFixed(0)).toBe("2190000");

    const submitted = await post(headers, { ...validBody, submit: true });
    expect(submitted.body.status).toBe("PENDING_REVIEW");
  });
});

describe("PATCH /api/v1/listings/{id}", () => {
  it("answers 401, 404 for other people's drafts, 403 for their live listings", async () => {
    const owner = await createUser();
    const draft = await createMachine(owner.id, { status: "DRAFT" });
    const live = await createMachine(owner.id, { status: "LIVE" });
    expect((await patch(draft.id, browserHeaders(), { city: "Bonn" })).status).toBe(401);
    const stranger = await signedInHeaders((await createUser()).id);
    expect((await patch(draft.id, stranger, { city: "Bonn" })).status).toBe(404);
    expect((await patch(live.id, stranger, { city: "Bonn" })).status).toBe(403);
    expect((await patch("nope-not-here", stranger, { city: "Bonn" })).status).toBe(404);
  });

  it("validates the patch, including hours against the stored values", async () => {
    const owner = await createUser();
    const headers = await signedInHeaders(owner.id);
    const machine = await createMachine(owner.id, { status: "DRAFT", minHours: 4, maxHours: 48 });
    expect((await patch(machine.id, headers, {})).body.fieldErrors).toEqual({ _: ["Change at least one field"] });
    expect((await patch(machine.id, headers, { gpuCount: 0 })).body.fieldErrors).toHaveProperty("gpuCount");
    expect((await patch(machine.id, headers, { maxHours: 2 })).body).toMatchObject({
      error: "invalid_parameter",
      fieldErrors: { maxHours: expect.any(Array) },
    });
    // An AMD model with the stored CUDA 12.4 is refused: the merged listing is checked, not just the patch.
    expect((await patch(machine.id, headers, { gpuModel: "MI300X" })).body.fieldErrors).toEqual({
      cudaVersion: ["AMD GPUs run ROCm: leave the CUDA version empty"],
    });
  });

  it("a hardware change sends a live listing back to review; hours and unchanged values do not", async () => {
    const owner = await createUser();
    const headers = await signedInHeaders(owner.id);
    const machine = await createMachine(owner.id, { status: "LIVE" });

    const hours = await patch(machine.id, headers, { maxHours: 100 });
    expect(hours.status).toBe(200);
    expect(hours.body).toMatchObject({ sentToReview: false, listing: { status: "LIVE", maxHours: 100 } });

    const same = await patch(machine.id, headers, { gpuModel: "RTX-4090", city: "Berlin", pricePerGpuHour: "0.40", description: "" });
    expect(same.body).toMatchObject({ sentToReview: false, listing: { status: "LIVE" } });

    const hardware = await patch(machine.id, headers, { gpuModel: "RTX-5090", gpuCount: 2 });
    expect(hardware.body).toMatchObject({ sentToReview: true, listing: { status: "PENDING_REVIEW", vramGb: 32, tflopsPerGpu: "210.0" } });
    expect((await getOne(machine.id)).status).toBe(404);
  });

  it("archived listings cannot be edited", async () => {
    const owner = await createUser();
    const machine = await createMachine(owner.id, { status: "ARCHIVED" });
    const res = await patch(machine.id, await signedInHeaders(owner.id), { city: "Bonn" });
    expect(res).toMatchObject({ status: 409, body: { error: "not_editable" } });
  });
});

describe("POST /api/v1/listings/{id}/status", () => {
  it("runs the whole lifecycle and refuses transitions the status does not allow", async () => {
    const owner = await createUser();
    const admin = await createUser({ roles: ["ADMIN"] });
    const asOwner = await signedInHeaders(owner.id);
    const asAdmin = await signedInHeaders(admin.id);
    const { id } = await createMachine(owner.id, { status: "DRAFT" });

    expect(await transition(id, asOwner, { action: "resume" })).toMatchObject({ status: 409, body: { error: "invalid_transition" } });
    expect((await transition(id, asOwner, { action: "submit" })).body.status).toBe("PENDING_REVIEW");
    expect((await transition(id, asOwner, { action: "approve" })).status).toBe(403);
    expect((await transition(id, asAdmin, { action: "reject" })).body.fieldErrors).toHaveProperty("reason");
    const rejected = await transition(id, asAdmin, { action: "reject", reason: "Driver version does not exist" });
    expect(rejected.body).toMatchObject({ status: "REJECTED", rejectionReason: "Driver version does not exist" });
    expect((await getOne(id, asOwner)).body.rejectionReason).toBe("Driver version does not exist");

    const resubmitted = await transition(id, asOwner, { action: "submit" });
    expect(resubmitted.body).toMatchObject({ status: "PENDING_REVIEW", rejectionReason: null });
    expect((await transition(id, asAdmin, { action: "approve" })).body.status).toBe("LIVE");
    expect((await transition(id, asOwner, { action: "pause" })).body.status).toBe("PAUSED");
    expect((await getOne(id)).status).toBe(404);
    expect((await transition(id, asOwner, { action: "resume" })).body.status).toBe("LIVE");
    expect((await transition(id, asOwner, { action: "archive" })).body.status).toBe("ARCHIVED");
    expect((await transition(id, asOwner, { action: "submit" })).status).toBe(409);
  });

  it("rejects unknown actions, strangers and anonymous callers", async () => {
    const owner = await createUser();
    const { id } = await createMachine(owner.id, { status: "LIVE" });
    expect((await transition(id, await signedInHeaders(owner.id), { action: "delete" })).body).toMatchObject({
      error: "invalid_parameter",
      fieldErrors: { action: [expect.stringContaining("must be one of")] },
    });
    expect((await transition(id, await signedInHeaders((await createUser()).id), { action: "pause" })).status).toBe(403);
    expect((await transition(id, browserHeaders(), { action: "pause" })).status).toBe(401);
    expect((await transition("missing-id", await signedInHeaders(owner.id), { action: "pause" })).status).toBe(404);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the listing endpoints with schemas generated from zod", async () => {
    const doc = await (await openApi()).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/listings", "/api/v1/listings/{id}", "/api/v1/listings/{id}/status"]),
    );
    const create = doc.paths["/api/v1/listings"].post.requestBody.content["application/json"].schema.allOf[0];
    expect(create.properties.gpuModel.enum).toContain("H100-SXM");
    expect(create.required).toContain("pricePerGpuHour");
  });

  it("lists the GPU families the search accepts beside the model ids", async () => {
    const doc = await (await openApi()).json();
    const gpu = doc.paths["/api/v1/listings"].get.parameters.find((p: { name: string }) => p.name === "gpu");
    expect(gpu.schema.enum).toEqual(expect.arrayContaining(["H100", "A100", "V100", "H100-SXM", "L4"]));
    // Every documented value is one the parser takes.
    for (const value of gpu.schema.enum) expect((await search(`gpu=${value}`)).status, value).toBe(200);
    expect(gpu.description).toMatch(/family/);
  });
});
