import { describe, expect, it } from "vitest";
import { POST as postJobAction } from "@/app/api/v1/jobs/[id]/[action]/route";
import { GET as getJobOffers } from "@/app/api/v1/jobs/[id]/offers/route";
import { GET as getJob, PATCH as patchJob } from "@/app/api/v1/jobs/[id]/route";
import { GET as getBoard, POST as postJob } from "@/app/api/v1/jobs/route";
import { POST as postOfferAction } from "@/app/api/v1/offers/[id]/[action]/route";
import { GET as getOffers, POST as postOffer } from "@/app/api/v1/offers/route";
import { db } from "@/lib/core/server/db";
import { browserHeaders, signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { jobForm, matchingProvider, offerOn, openJob } from "@/test/jobs";

const base = "http://localhost:3000";
const req = (method: string, path: string, headers: Headers, body?: unknown) =>
  new Request(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

describe("POST /api/v1/jobs", () => {
  it("creates a published job and answers with its public shape in base units", async () => {
    const user = await createUser();
    const res = await postJob(req("POST", "/api/v1/jobs", await signedInHeaders(user.id), { ...jobForm(), publish: true }), noParams);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      status: "OPEN",
      viewerRole: "buyer",
      maxPricePerGpuHour: "2000000",
      maxBudget: "12000000",
      offerCount: 0,
      gpuModels: ["RTX-4090"],
    });
    expect(typeof body.offerDeadline).toBe("string");
  });

  it("answers 400 naming every bad field, and for a body that is not an object", async () => {
    const headers = await signedInHeaders((await createUser()).id);
    const res = await postJob(
      req("POST", "/api/v1/jobs", headers, { ...jobForm(), containerImage: "ubuntu", maxPricePerGpuHour: "abc", publish: "yes" }),
      noParams,
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["containerImage", "maxPricePerGpuHour"]);
    const flag = await postJob(req("POST", "/api/v1/jobs", headers, { ...jobForm(), publish: "yes" }), noParams);
    expect((await flag.json()).fieldErrors).toEqual({ publish: ["must be true or false"] });
    const notJson = await postJob(req("POST", "/api/v1/jobs", headers, "[1,2]"), noParams);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).fieldErrors).toEqual({ body: ["must be a JSON object"] });
  });
});

describe("GET /api/v1/jobs (the board)", () => {
  it("lists a new open job, filters it out, and names bad parameters", async () => {
    const { job } = await openJob({ framework: "JAX", regions: ["IS"], gpuModels: ["L40S"], minVramGb: "48" });
    const hit = await getBoard(
      req("GET", "/api/v1/jobs?framework=JAX&region=is&gpuModel=L40S&minVram=48&sort=newest&limit=100", browserHeaders()),
      noParams,
    );
    expect(hit.status).toBe(200);
    expect((await hit.json()).items.map((j: { id: string }) => j.id)).toContain(job.id);
    const miss = await getBoard(req("GET", "/api/v1/jobs?framework=JAX&minVram=24&limit=100", browserHeaders()), noParams);
    expect((await miss.json()).items.map((j: { id: string }) => j.id)).not.toContain(job.id);
    const bad = await getBoard(req("GET", "/api/v1/jobs?sort=cheap&minVram=-1", browserHeaders()), noParams);
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["minVram", "sort"]);
  });
});

describe("GET and PATCH /api/v1/jobs/{id}", () => {
  it("404s unknown and malformed ids, 400s a bad patch, 409s an edit after acceptance", async () => {
    expect((await getJob(req("GET", "/api/v1/jobs/nope", browserHeaders()), idParams("nope"))).status).toBe(404);
    expect((await getJob(req("GET", "/api/v1/jobs/%20bad", browserHeaders()), idParams(" bad"))).status).toBe(404);
    const { buyer, job } = await openJob();
    const headers = await signedInHeaders(buyer.id);
    const bad = await patchJob(req("PATCH", `/api/v1/jobs/${job.id}`, headers, { gpuCount: "0" }), idParams(job.id));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors)).toEqual(["gpuCount"]);
    const empty = await patchJob(req("PATCH", `/api/v1/jobs/${job.id}`, headers, {}), idParams(job.id));
    expect(empty.status).toBe(400);

    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    const accept = await postOfferAction(req("POST", `/api/v1/offers/${offer.id}/accept`, headers, {}), {
      params: Promise.resolve({ id: offer.id, action: "accept" }),
    });
    expect(accept.status).toBe(200);
    const accepted = await accept.json();
    expect(accepted.order).toMatchObject({ id: accepted.orderId, status: "PENDING_PAYMENT", amount: "9000000" });
    expect(accepted.order.transactions).toHaveLength(2);
    const late = await patchJob(req("PATCH", `/api/v1/jobs/${job.id}`, headers, { title: "Too late now" }), idParams(job.id));
    expect(late.status).toBe(409);
    const again = await postOfferAction(req("POST", `/api/v1/offers/${offer.id}/accept`, headers, {}), {
      params: Promise.resolve({ id: offer.id, action: "accept" }),
    });
    expect(again.status).toBe(409);

    // The parties see the order and result fields; the public does not.
    const publicView = await (await getJob(req("GET", `/api/v1/jobs/${job.id}`, browserHeaders()), idParams(job.id))).json();
    expect(publicView).toMatchObject({ status: "ACCEPTED", viewerRole: null, order: null, orderId: null });
    const providerView = await (
      await getJob(req("GET", `/api/v1/jobs/${job.id}`, await signedInHeaders(p.provider.id)), idParams(job.id))
    ).json();
    expect(providerView).toMatchObject({ viewerRole: "provider", orderId: accepted.orderId });
  });
});

describe("job actions", () => {
  it("404s an unknown action and answers 409 for a start before funding", async () => {
    const { buyer, job } = await openJob();
    const headers = await signedInHeaders(buyer.id);
    expect(
      (
        await postJobAction(req("POST", `/api/v1/jobs/${job.id}/explode`, headers, {}), {
          params: Promise.resolve({ id: job.id, action: "explode" }),
        })
      ).status,
    ).toBe(404);
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    await postOfferAction(req("POST", `/api/v1/offers/${offer.id}/accept`, headers, {}), {
      params: Promise.resolve({ id: offer.id, action: "accept" }),
    });
    const start = await postJobAction(req("POST", `/api/v1/jobs/${job.id}/start`, await signedInHeaders(p.provider.id)), {
      params: Promise.resolve({ id: job.id, action: "start" }),
    });
    expect(start.status).toBe(409);
    const badResult = await postJobAction(
      req("POST", `/api/v1/jobs/${job.id}/complete`, await signedInHeaders(p.provider.id), {
        resultUrl: "file:///tmp/x",
        resultSha256: "xyz",
      }),
      {
        params: Promise.resolve({ id: job.id, action: "complete" }),
      },
    );
    expect(badResult.status).toBe(400);
    expect(Object.keys((await badResult.json()).fieldErrors).sort()).toEqual(["resultSha256", "resultUrl"]);
  });
});

describe("offers", () => {
  it("shows the public only the count, the buyer every offer, a provider its own", async () => {
    const { buyer, job } = await openJob();
    const a = await matchingProvider();
    const b = await matchingProvider();
    const offerA = await offerOn(job.id, a, "1.10");
    await offerOn(job.id, b, "1.90");
    const read = async (headers: Headers) =>
      (await getJobOffers(req("GET", `/api/v1/jobs/${job.id}/offers`, headers), idParams(job.id))).json();
    expect(await read(browserHeaders())).toEqual({ count: 2, offers: [] });
    const forBuyer = await read(await signedInHeaders(buyer.id));
    expect(forBuyer.offers.map((o: { pricePerGpuHour: string }) => o.pricePerGpuHour)).toEqual(["1100000", "1900000"]);
    expect(forBuyer.offers[0]).toMatchObject({
      total: "6600000",
      machine: { id: a.machine.id, gpuModel: "RTX-4090", vramGb: 24 },
      provider: { reliability: 80, completedRentals: 0 },
    });
    const forA = await read(await signedInHeaders(a.provider.id));
    expect(forA.offers.map((o: { id: string }) => o.id)).toEqual([offerA.id]);
    const mine = await (await getOffers(req("GET", "/api/v1/offers?mine=1", await signedInHeaders(a.provider.id)), noParams)).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([offerA.id]);
    const noMine = await getOffers(req("GET", "/api/v1/offers", await signedInHeaders(a.provider.id)), noParams);
    expect(noMine.status).toBe(400);
    expect(Object.keys((await noMine.json()).fieldErrors)).toEqual(["mine"]);
  });

  it("answers 400 for an offer above budget and 409 for a duplicate", async () => {
    const { job } = await openJob({ maxPricePerGpuHour: "1.00" });
    const p = await matchingProvider();
    const headers = await signedInHeaders(p.provider.id);
    const body = (price: string) => ({
      jobId: job.id,
      machineId: p.machine.id,
      pricePerGpuHour: price,
      earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const over = await postOffer(req("POST", "/api/v1/offers", headers, body("1.01")), noParams);
    expect(over.status).toBe(400);
    expect(Object.keys((await over.json()).fieldErrors)).toEqual(["pricePerGpuHour"]);
    const made = await postOffer(req("POST", "/api/v1/offers", headers, body("0.90")), noParams);
    expect(made.status).toBe(201);
    // 0.90 x 2 GPUs x 3 hours.
    expect(await made.json()).toMatchObject({
      status: "PENDING",
      pricePerGpuHour: "900000",
      total: "5400000",
      job: { id: job.id, orderId: null },
    });
    expect((await postOffer(req("POST", "/api/v1/offers", headers, body("0.80")), noParams)).status).toBe(409);
    const unknownJob = await postOffer(req("POST", "/api/v1/offers", headers, { ...body("0.9"), jobId: "missing-job" }), noParams);
    expect(unknownJob.status).toBe(404);
    expect(await db.offer.count({ where: { jobId: job.id } })).toBe(1);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents every job and offer endpoint with bodies generated from the zod schemas", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const doc = await GET().json();
    for (const p of [
      "/api/v1/jobs",
      "/api/v1/jobs/{id}",
      "/api/v1/jobs/{id}/{action}",
      "/api/v1/jobs/{id}/offers",
      "/api/v1/offers",
      "/api/v1/offers/{id}/{action}",
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const create = doc.paths["/api/v1/jobs"].post.requestBody.content["application/json"].schema.allOf[0];
    expect(create.required).toEqual(expect.arrayContaining(["title", "containerImage", "maxPricePerGpuHour", "offerDeadline"]));
    expect(create.properties.framework.enum).toEqual(["PYTORCH", "JAX", "TENSORFLOW", "OTHER"]);
    expect(doc.paths["/api/v1/offers"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("pricePerGpuHour");
    expect(doc.paths["/api/v1/jobs/{id}/{action}"].post.parameters[1].schema.enum).toEqual([
      "publish",
      "cancel",
      "start",
      "complete",
      "progress",
    ]);
    expect(doc.components.schemas.Job.properties.status.enum).toContain("EXPIRED");
  });
});
