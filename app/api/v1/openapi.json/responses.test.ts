/**
 * The served bodies are what the OpenAPI document says, field for field: real requests through the
 * route handlers (real PostgreSQL, real anvil), each body checked against the named schema the
 * document's response is generated from. Decoding proves nothing is missing or mistyped; encoding
 * back to the very same JSON proves nothing undocumented was sent (zod drops unknown keys).
 */
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { components, type ComponentName } from "@/app/api/v1/openapi.json/components";
import { GET as getContracts } from "@/app/api/v1/contracts/route";
import { POST as jobAction } from "@/app/api/v1/jobs/[id]/[action]/route";
import { GET as jobOffers } from "@/app/api/v1/jobs/[id]/offers/route";
import { GET as getJob } from "@/app/api/v1/jobs/[id]/route";
import { GET as jobBoard, POST as postJob } from "@/app/api/v1/jobs/route";
import { PATCH as patchListing, GET as getListing } from "@/app/api/v1/listings/[id]/route";
import { POST as listingStatus } from "@/app/api/v1/listings/[id]/status/route";
import { GET as searchListings, POST as postListing } from "@/app/api/v1/listings/route";
import { DELETE as revokeApiKey } from "@/app/api/v1/me/api-keys/[id]/route";
import { GET as listApiKeys, POST as postApiKey } from "@/app/api/v1/me/api-keys/route";
import { DELETE as deleteSshKey } from "@/app/api/v1/me/ssh-keys/[id]/route";
import { GET as webhookDeliveries } from "@/app/api/v1/me/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook } from "@/app/api/v1/me/webhooks/[id]/route";
import { GET as listWebhooks, POST as postWebhook } from "@/app/api/v1/me/webhooks/route";
import { GET as listSshKeys, POST as postSshKey } from "@/app/api/v1/me/ssh-keys/route";
import { POST as markRead } from "@/app/api/v1/notifications/[id]/read/route";
import { GET as inbox } from "@/app/api/v1/notifications/route";
import { POST as offerAction } from "@/app/api/v1/offers/[id]/[action]/route";
import { GET as myOffers, POST as postOffer } from "@/app/api/v1/offers/route";
import { POST as orderAction } from "@/app/api/v1/orders/[id]/[action]/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { POST as postStatement } from "@/app/api/v1/orders/[id]/statement/route";
import { POST as postOrder } from "@/app/api/v1/orders/route";
import { POST as postReport } from "@/app/api/v1/reports/route";
import { db } from "@/lib/core/server/db";
import { browserHeaders, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";
import { jobForm, matchingProvider, openJob } from "@/test/jobs";
import { fundedWallet, indexer, mined, rental } from "@/test/payments";
import { ed25519Key } from "@/test/ssh-keys";

const req = (method: string, path: string, headers: Headers = browserHeaders(), body?: unknown) =>
  new Request(`http://localhost:3000${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
const none = { params: Promise.resolve({}) };
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

/** Checks status and body against the named schema; returns the body for the flow to go on with. */
async function documented(res: Response, status: number, name: ComponentName) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  const schema: z.ZodType = components[name];
  const decoded = z.decode(schema, body);
  expect(z.encode(schema, decoded), `${name}: fields the document does not name`).toEqual(body);
  return body;
}

describe("response bodies match the OpenAPI document", () => {
  it("listings: create, search, read as owner and as anyone, edit, change status, report, errors", async () => {
    const provider = await createUser();
    const owner = await signedInHeaders(provider.id);
    const form = {
      gpuModel: "H100-SXM",
      gpuCount: 8,
      cpuCores: 128,
      ramGb: 1024,
      diskGb: 8000,
      uploadMbps: 10000,
      downloadMbps: 10000,
      country: "ZY",
    };
    const created = await documented(
      await postListing(
        req("POST", "/api/v1/listings", owner, {
          ...form,
          city: "Frankfurt",
          cudaVersion: "12.4",
          driverVersion: "550.127",
          pricePerGpuHour: "2.19",
          minHours: 1,
          maxHours: 720,
        }),
        none,
      ),
      201,
      "ListingDetail",
    );
    expect(created).toMatchObject({ status: "DRAFT", rejectionReason: null });

    const live = await createMachine(provider.id, { country: "ZY", cudaVersion: 0, gpuModel: "MI300X" });
    const page = await documented(await searchListings(req("GET", "/api/v1/listings?region=ZY"), none), 200, "ListingPage");
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([live.id]);
    expect(page.items[0].cudaVersion).toBeNull();
    const seen = await documented(
      await getListing(req("GET", `/api/v1/listings/${live.id}`), params({ id: live.id })),
      200,
      "ListingDetail",
    );
    expect(seen).not.toHaveProperty("rejectionReason");
    await documented(await getListing(req("GET", `/api/v1/listings/${live.id}`, owner), params({ id: live.id })), 200, "ListingDetail");
    const reporter = await signedInHeaders((await createUser()).id);
    const report = { targetType: "LISTING", targetId: live.id, category: "MISLEADING", note: "The GPUs are not what the listing says." };
    await documented(await postReport(req("POST", "/api/v1/reports", reporter, report), none), 201, "ReportCreated");

    const edited = await documented(
      await patchListing(req("PATCH", `/api/v1/listings/${live.id}`, owner, { city: "Leipzig" }), params({ id: live.id })),
      200,
      "ListingUpdate",
    );
    expect(edited).toMatchObject({ sentToReview: true, listing: { city: "Leipzig", status: "PENDING_REVIEW" } });
    const withdrawn = await documented(
      await listingStatus(req("POST", `/api/v1/listings/${live.id}/status`, owner, { action: "withdraw" }), params({ id: live.id })),
      200,
      "ListingDetail",
    );
    expect(withdrawn.status).toBe("DRAFT");

    await documented(await getListing(req("GET", "/api/v1/listings/nope"), params({ id: "nope" })), 404, "Error");
    const bad = await documented(await searchListings(req("GET", "/api/v1/listings?sort=cheap"), none), 400, "Error");
    expect(bad.fieldErrors).toHaveProperty("sort");
  });

  it("orders: create with a permit, fund on chain, start, read with the connection, dispute, state a side", async () => {
    const r = await rental();
    const buyer = await signedInHeaders(r.buyer.id);
    const provider = await signedInHeaders(r.provider.id);
    const created = await documented(
      await postOrder(req("POST", "/api/v1/orders", buyer, { listingId: r.machine.id, hours: 2 }), none),
      201,
      "CreatedOrder",
    );
    expect(created.permit).not.toBeNull();
    const id: string = created.id;
    for (const tx of created.transactions) await mined(await r.buyerWallet.sendTransaction({ to: tx.to, data: tx.data }));
    await indexer().catchUp();

    const connection = { host: "gpu1.example.com", port: 2222, user: "ubuntu", jupyterUrl: "https://gpu1.example.com:8888/lab" };
    const started = await documented(
      await orderAction(req("POST", `/api/v1/orders/${id}/start`, provider, connection), params({ id, action: "start" })),
      200,
      "OrderTransition",
    );
    await mined(await r.providerWallet.sendTransaction({ to: started.transaction.to, data: started.transaction.data }));
    await indexer().catchUp();
    const order = await documented(await getOrder(req("GET", `/api/v1/orders/${id}`, buyer), params({ id })), 200, "Order");
    expect(order).toMatchObject({ status: "ACTIVE", connection });
    expect(order.chainEvents.length).toBeGreaterThan(1);

    const disputed = await documented(
      await orderAction(req("POST", `/api/v1/orders/${id}/dispute`, buyer, {}), params({ id, action: "dispute" })),
      200,
      "OrderTransition",
    );
    await mined(await r.buyerWallet.sendTransaction({ to: disputed.transaction.to, data: disputed.transaction.data }));
    await indexer().catchUp();
    const said = { body: "The machine never answered on port 2222." };
    await documented(
      await postStatement(req("POST", `/api/v1/orders/${id}/statement`, buyer, said), params({ id })),
      201,
      "DisputeStatement",
    );
    await documented(await getContracts(req("GET", "/api/v1/contracts"), none), 200, "Contracts");
  });

  it("jobs and offers: post, board, read, offer, list, accept, fund, start, progress; the inbox they fill", async () => {
    const [buyerWallet, providerWallet] = await Promise.all([fundedWallet(), fundedWallet()]);
    const buyerUser = await db.user.create({ data: { address: buyerWallet.account.address } });
    const buyer = await signedInHeaders(buyerUser.id);
    const job = await documented(
      await postJob(req("POST", "/api/v1/jobs", buyer, { ...jobForm({ regions: ["ZX"] }), publish: true }), none),
      201,
      "Job",
    );
    const board = await documented(await jobBoard(req("GET", "/api/v1/jobs?region=ZX&limit=100"), none), 200, "JobPage");
    expect(board.items.map((j: { id: string }) => j.id)).toContain(job.id);
    await documented(await getJob(req("GET", `/api/v1/jobs/${job.id}`), params({ id: job.id })), 200, "Job");

    const p = await matchingProvider({ country: "ZX" }, await db.user.create({ data: { address: providerWallet.account.address } }));
    const seller = await signedInHeaders(p.provider.id);
    const offerForm = {
      jobId: job.id,
      machineId: p.machine.id,
      pricePerGpuHour: "1.50",
      earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
      note: "Ready in an hour.",
    };
    const offer = await documented(await postOffer(req("POST", "/api/v1/offers", seller, offerForm), none), 201, "Offer");
    await documented(await jobOffers(req("GET", `/api/v1/jobs/${job.id}/offers`, buyer), params({ id: job.id })), 200, "JobOffers");
    await documented(await myOffers(req("GET", "/api/v1/offers?mine=1", seller), none), 200, "OfferList");

    const accepted = await documented(
      await offerAction(req("POST", `/api/v1/offers/${offer.id}/accept`, buyer), params({ id: offer.id, action: "accept" })),
      200,
      "OfferActionResult",
    );
    for (const tx of accepted.order.transactions) await mined(await buyerWallet.sendTransaction({ to: tx.to, data: tx.data }));
    await indexer().catchUp();
    const started = await documented(
      await jobAction(req("POST", `/api/v1/jobs/${job.id}/start`, seller), params({ id: job.id, action: "start" })),
      200,
      "JobActionResult",
    );
    await mined(await providerWallet.sendTransaction({ to: started.transaction.to, data: started.transaction.data }));
    await indexer().catchUp();
    const note = { body: "Epoch 1 of 3 done." };
    await documented(
      await jobAction(req("POST", `/api/v1/jobs/${job.id}/progress`, seller, note), params({ id: job.id, action: "progress" })),
      201,
      "ProgressNote",
    );
    const running = await documented(await getJob(req("GET", `/api/v1/jobs/${job.id}`, buyer), params({ id: job.id })), 200, "Job");
    expect(running).toMatchObject({ status: "RUNNING", viewerRole: "buyer", order: { status: "ACTIVE" } });

    const other = await openJob({ regions: ["ZX"] }, buyerUser);
    const cancelled = await documented(
      await jobAction(req("POST", `/api/v1/jobs/${other.job.id}/cancel`, buyer), params({ id: other.job.id, action: "cancel" })),
      200,
      "JobActionResult",
    );
    expect(cancelled.status).toBe("CANCELLED");

    const notices = await documented(await inbox(req("GET", "/api/v1/notifications", seller), none), 200, "Inbox");
    expect(notices.items.length).toBeGreaterThan(0);
    const first = notices.items[0].id as string;
    const read = await documented(
      await markRead(req("POST", `/api/v1/notifications/${first}/read`, seller), params({ id: first })),
      200,
      "Notification",
    );
    expect(read.readAt).not.toBeNull();
  });

  it("account: SSH keys, API keys and webhook endpoints, each saved, listed and removed", async () => {
    const me = await signedInHeaders((await createUser()).id);
    const key = await documented(
      await postSshKey(req("POST", "/api/v1/me/ssh-keys", me, { label: "laptop", publicKey: ed25519Key() }), none),
      201,
      "SshKey",
    );
    const list = await documented(await listSshKeys(req("GET", "/api/v1/me/ssh-keys", me), none), 200, "SshKeyList");
    expect(list.keys.map((k: { id: string }) => k.id)).toEqual([key.id]);
    await documented(await deleteSshKey(req("DELETE", `/api/v1/me/ssh-keys/${key.id}`, me), params({ id: key.id })), 200, "Deleted");

    const apiKey = await documented(
      await postApiKey(req("POST", "/api/v1/me/api-keys", me, { name: "ci", scopes: ["read", "orders"], expiresInDays: 30 }), none),
      201,
      "CreatedApiKey",
    );
    await documented(await listApiKeys(req("GET", "/api/v1/me/api-keys", me), none), 200, "ApiKeyList");
    const revoked = await documented(
      await revokeApiKey(req("DELETE", `/api/v1/me/api-keys/${apiKey.id}`, me), params({ id: apiKey.id })),
      200,
      "ApiKey",
    );
    expect(revoked.revokedAt).not.toBeNull();

    const hook = await documented(
      await postWebhook(
        req("POST", "/api/v1/me/webhooks", me, { url: "https://hooks.example.com/idlegrid", events: ["order.funded"] }),
        none,
      ),
      201,
      "CreatedWebhook",
    );
    await documented(await listWebhooks(req("GET", "/api/v1/me/webhooks", me), none), 200, "WebhookEndpointList");
    await documented(
      await webhookDeliveries(req("GET", `/api/v1/me/webhooks/${hook.id}/deliveries`, me), params({ id: hook.id })),
      200,
      "WebhookDeliveryList",
    );
    await documented(await deleteWebhook(req("DELETE", `/api/v1/me/webhooks/${hook.id}`, me), params({ id: hook.id })), 200, "Deleted");
  });
});
