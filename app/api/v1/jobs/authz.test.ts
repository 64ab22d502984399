/**
 * Who may act on jobs and offers: the owner persona posts the job, otherProvider offers on it with
 * its own machine, buyer is an unrelated signed-in user.
 */
import { POST as postJobAction } from "@/app/api/v1/jobs/[id]/[action]/route";
import { GET as getJob, PATCH as patchJob } from "@/app/api/v1/jobs/[id]/route";
import { POST as postJob } from "@/app/api/v1/jobs/route";
import { POST as postOfferAction } from "@/app/api/v1/offers/[id]/[action]/route";
import { GET as getOffers, POST as postOffer } from "@/app/api/v1/offers/route";
import { db } from "@/lib/core/server/db";
import { createJob } from "@/lib/jobs/server/mutations";
import { acceptOffer } from "@/lib/jobs/server/offers";
import { jobInputSchema } from "@/lib/jobs/schema";
import { authzRow, describeAuthzMatrix, type AuthzWorld } from "@/test/authz-matrix";
import { jobForm, matchingProvider, offerOn, openJob } from "@/test/jobs";
import { callerFor } from "@/test/payments";

const base = "http://localhost:3000";
const json = (method: string, path: string, headers: Headers, body?: unknown) =>
  new Request(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

const jobAction =
  (action: string, body: unknown = {}) =>
  (headers: Headers, id: string) =>
    postJobAction(json("POST", `/api/v1/jobs/${id}/${action}`, headers, body), { params: Promise.resolve({ id, action }) });
const offerAction = (action: string) => (headers: Headers, id: string) =>
  postOfferAction(json("POST", `/api/v1/offers/${id}/${action}`, headers, {}), { params: Promise.resolve({ id, action }) });

/** The owner's open job with otherProvider's pending offer. */
async function pendingOffer(world: AuthzWorld) {
  const { job } = await openJob({}, world.owner);
  const offer = await offerOn(job.id, await matchingProvider({}, world.otherProvider));
  return { job, offer };
}

/** The owner's job accepted with otherProvider's offer, its order set to `orderStatus` as the indexer would. */
async function acceptedJob(world: AuthzWorld, orderStatus: "FUNDED" | "ACTIVE") {
  const { job, offer } = await pendingOffer(world);
  const { orderId } = await acceptOffer(callerFor(world.owner), offer.id);
  await db.order.update({ where: { id: orderId }, data: { status: orderStatus } });
  await db.job.update({ where: { id: job.id }, data: { status: orderStatus === "FUNDED" ? "FUNDED" : "RUNNING" } });
  return job.id;
}

describeAuthzMatrix("jobs and offers", [
  authzRow({
    name: "POST /api/v1/jobs",
    act: (headers) => postJob(json("POST", "/api/v1/jobs", headers, jobForm()), { params: Promise.resolve({}) }),
    expect: { anonymous: 401, banned: 401, buyer: 201, owner: 201, otherProvider: 201, admin: 201 },
  }),
  authzRow({
    name: "GET /api/v1/jobs/[id] (a draft)",
    arrange: (world) => createJob(callerFor(world.owner), jobInputSchema.parse(jobForm())).then((j) => j.id),
    act: (headers, id) => getJob(json("GET", `/api/v1/jobs/${id}`, headers), { params: Promise.resolve({ id }) }),
    expect: { anonymous: 404, banned: 404, buyer: 404, owner: 200, otherProvider: 404, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "PATCH /api/v1/jobs/[id]",
    arrange: (world) => openJob({}, world.owner).then((r) => r.job.id),
    act: (headers, id) =>
      patchJob(json("PATCH", `/api/v1/jobs/${id}`, headers, { title: "A clearer title" }), { params: Promise.resolve({ id }) }),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 200, otherProvider: 403, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/jobs/[id]/publish",
    arrange: (world) => createJob(callerFor(world.owner), jobInputSchema.parse(jobForm())).then((j) => j.id),
    act: jobAction("publish"),
    expect: { anonymous: 401, banned: 401, buyer: 404, owner: 200, otherProvider: 404, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/jobs/[id]/cancel",
    arrange: (world) => openJob({}, world.owner).then((r) => r.job.id),
    act: jobAction("cancel"),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 200, otherProvider: 403, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/offers (with otherProvider's machine)",
    arrange: async (world) => ({
      job: (await openJob({}, world.owner)).job,
      machine: (await matchingProvider({}, world.otherProvider)).machine,
    }),
    act: (headers, { job, machine }) =>
      postOffer(
        json("POST", "/api/v1/offers", headers, {
          jobId: job.id,
          machineId: machine.id,
          pricePerGpuHour: "1.20",
          earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
        }),
        {
          params: Promise.resolve({}),
        },
      ),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 201, admin: 403 },
  }),
  authzRow({
    name: "GET /api/v1/offers?mine=1",
    act: (headers) => getOffers(json("GET", "/api/v1/offers?mine=1", headers), { params: Promise.resolve({}) }),
    expect: { anonymous: 401, banned: 401, buyer: 200, owner: 200, otherProvider: 200, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/v1/offers/[id]/withdraw",
    arrange: (world) => pendingOffer(world).then((r) => r.offer.id),
    act: offerAction("withdraw"),
    expect: { anonymous: 401, banned: 401, buyer: 404, owner: 403, otherProvider: 200, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/offers/[id]/accept",
    arrange: (world) => pendingOffer(world).then((r) => r.offer.id),
    act: offerAction("accept"),
    expect: { anonymous: 401, banned: 401, buyer: 404, owner: 200, otherProvider: 403, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/jobs/[id]/start",
    arrange: (world) => acceptedJob(world, "FUNDED"),
    act: jobAction("start"),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 200, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/jobs/[id]/progress",
    arrange: (world) => acceptedJob(world, "FUNDED"),
    act: jobAction("progress", { body: "dataset downloaded" }),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 201, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/jobs/[id]/complete",
    arrange: (world) => acceptedJob(world, "ACTIVE"),
    act: jobAction("complete", { resultUrl: "s3://acme/out/final/", resultSha256: "c".repeat(64) }),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 200, admin: 403 },
  }),
]);
