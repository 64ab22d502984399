/**
 * Webhooks through the real routes, database and a node:http receiver on 127.0.0.1: registration,
 * the outbox (a rolled-back change sends nothing), Standard Webhooks signatures checked with the
 * README's own snippet, the retry schedule on a controlled clock, giving up, and redelivery.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/me/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import { GET as deliveriesRoute } from "@/app/api/v1/me/webhooks/[id]/deliveries/route";
import { DELETE as deleteRoute } from "@/app/api/v1/me/webhooks/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/me/webhooks/route";
import { POST as createKeyRoute } from "@/app/api/v1/me/api-keys/route";
import { moderateListings } from "@/lib/admin/server/moderation";
import { db } from "@/lib/core/server/db";
import { emitWebhookEvent } from "@/lib/webhooks/server/outbox";
import { deliverDue } from "@/lib/webhooks/server/worker";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";
import { readmeVerifier, startReceiver, type Receiver } from "@/test/webhook-receiver";

const base = appUrl.origin;
const noParams = { params: Promise.resolve({}) };
type Verify = Awaited<ReturnType<typeof readmeVerifier>>;

let verify: Verify;
const receivers: Receiver[] = [];

beforeAll(async () => {
  verify = await readmeVerifier();
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function receiver(script: number[] = []) {
  const r = await startReceiver(script);
  receivers.push(r);
  return r;
}

async function register(userId: string, body: unknown) {
  return createRoute(
    new Request(`${base}/api/v1/me/webhooks`, { method: "POST", headers: await signedInHeaders(userId), body: JSON.stringify(body) }),
    noParams,
  );
}

async function endpoint(userId: string, url: string, events: string[]): Promise<{ id: string; secret: string }> {
  const res = await register(userId, { url, events });
  expect(res.status).toBe(201);
  return res.json();
}

const admin = () =>
  createUser({ roles: ["ADMIN"] }).then((u) => ({
    userId: u.id,
    address: u.address as `0x${string}`,
    roles: ["ADMIN" as const],
    isAdmin: true,
    sessionId: "test",
  }));

describe("webhook endpoints", () => {
  it("are registered with a session only, https (or local http outside production), for known events", async () => {
    const user = await createUser();
    const created = await endpoint(user.id, "http://127.0.0.1:9/hooks", ["order.funded", "order.funded", "job.completed"]);
    expect(created).toMatchObject({ url: "http://127.0.0.1:9/hooks", events: ["order.funded", "job.completed"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const badEvent = await register(user.id, { url: "https://example.com/hooks", events: ["nope"] });
    expect(badEvent.status).toBe(400);
    expect(Object.keys((await badEvent.json()).fieldErrors)).toEqual(["events.0"]);
    const plainHttp = await register(user.id, { url: "http://example.com/hooks", events: ["order.funded"] });
    expect(plainHttp.status).toBe(400);
    expect((await plainHttp.json()).fieldErrors.url[0]).toContain("https");
    expect(
      (await (await register(user.id, { url: "https://user:pw@example.com/", events: ["order.funded"] })).json()).fieldErrors.url[0],
    ).toContain("password");

    // A key may read the list but not add a receiver for the account's events.
    const key = await (
      await createKeyRoute(
        new Request(`${base}/api/v1/me/api-keys`, {
          method: "POST",
          headers: await signedInHeaders(user.id),
          body: JSON.stringify({ name: "k", scopes: ["read"] }),
        }),
        noParams,
      )
    ).json();
    const bearer = new Headers({ authorization: `Bearer ${key.secret}`, "content-type": "application/json" });
    const listed = await (await listRoute(new Request(`${base}/api/v1/me/webhooks`, { headers: bearer }), noParams)).json();
    expect(listed.endpoints).toEqual([expect.objectContaining({ id: created.id })]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const refused = await createRoute(
      new Request(`${base}/api/v1/me/webhooks`, {
        method: "POST",
        headers: bearer,
        body: JSON.stringify({ url: "http://127.0.0.1:9/", events: ["order.funded"] }),
      }),
      noParams,
    );
    expect(await refused.json()).toMatchObject({ error: "session_required" });

    const other = await createUser();
    const foreign = await deleteRoute(
      new Request(`${base}/api/v1/me/webhooks/${created.id}`, { method: "DELETE", headers: await signedInHeaders(other.id) }),
      { params: Promise.resolve({ id: created.id }) },
    );
    expect(foreign.status).toBe(404);
  });
});

describe("webhook deliveries", () => {
  it("come from the change's own transaction, signed so the README snippet verifies them", async () => {
    const r = await receiver();
    const provider = await createUser();
    const hook = await endpoint(provider.id, r.url, ["listing.approved", "listing.rejected"]);
    const machine = await createMachine(provider.id, { status: "PENDING_REVIEW" });
    const moderator = await admin();

    // One of two listings cannot be approved: the whole batch rolls back, and with it the event.
    await expect(
      moderateListings(moderator, { action: "approve", ids: [machine.id, "nosuchlisting00000000000"], reason: undefined }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(0);
    await deliverDue({ db });
    expect(r.received).toHaveLength(0);

    await moderateListings(moderator, { action: "approve", ids: [machine.id], reason: undefined });
    await deliverDue({ db });
    const [delivery] = await r.waitFor(1);
    const event = verify(hook.secret, delivery!.headers, delivery!.body);
    expect(event).toMatchObject({ type: "listing.approved", data: { listingId: machine.id, status: "LIVE", reason: null } });
    expect(delivery!.headers["webhook-id"]).toMatch(/^msg_/);

    // The snippet really checks: another secret, an edited body or an old timestamp all fail.
    expect(() => verify(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, delivery!.headers, delivery!.body)).toThrow("signature");
    expect(() => verify(hook.secret, delivery!.headers, delivery!.body.replace("LIVE", "DRAFT"))).toThrow("signature");
    expect(() =>
      verify(hook.secret, { ...delivery!.headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) - 3600) }, delivery!.body),
    ).toThrow("tolerance");
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } })).status).toBe("SUCCEEDED");
  });

  it("are retried after 30 s, then doubling, keep their webhook-id, and succeed or give up after a day", async () => {
    const r = await receiver([500, 503]);
    const user = await createUser();
    const hook = await endpoint(user.id, r.url, ["offer.received"]);
    const t0 = new Date();
    let clock = t0;
    const at = (seconds: number) => {
      clock = new Date(t0.getTime() + seconds * 1000);
    };
    const run = () => deliverDue({ db, now: () => clock });
    await db.$transaction((tx) =>
      emitWebhookEvent(tx, { type: "offer.received", userIds: [user.id], data: { jobId: "j1", offerId: "o1" } }, t0),
    );

    await run(); // 500
    let row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(30_000);
    at(29);
    await run();
    expect(r.received).toHaveLength(1);
    at(30);
    await run(); // 503
    row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(90_000);
    at(90);
    await run(); // 200
    row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200, lastError: null });
    const ids = new Set(r.received.map((d) => d.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    expect(r.received.map((d) => Number(d.headers["webhook-timestamp"]) - Math.floor(t0.getTime() / 1000))).toEqual([0, 30, 90]);

    // The log, newest first, as the owner reads it.
    const log = await (
      await deliveriesRoute(new Request(`${base}/api/v1/me/webhooks/${hook.id}/deliveries`, { headers: await signedInHeaders(user.id) }), {
        params: Promise.resolve({ id: hook.id }),
      })
    ).json();
    expect(log.deliveries[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 503, 500]);

    // A delivery that fails past its day is FAILED; a person can still redeliver it.
    const failing = await receiver([500, 500, 500]);
    await db.webhookEndpoint.update({ where: { id: hook.id }, data: { url: failing.url } });
    at(100);
    await db.$transaction((tx) =>
      emitWebhookEvent(tx, { type: "offer.received", userIds: [user.id], data: { jobId: "j2", offerId: "o2" } }, clock),
    );
    const late = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id, status: "PENDING" } });
    await db.webhookDelivery.update({ where: { id: late.id }, data: { giveUpAt: new Date(clock.getTime() + 60_000) } });
    await run(); // next try 30 s on: within the day
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "PENDING", attempts: 1 });
    at(130);
    await run(); // next try 60 s on: past it
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "FAILED", attempts: 2 });
    at(100_000);
    await run();
    expect(failing.received).toHaveLength(2);

    failing.script.length = 0; // the receiver is fixed
    const redelivered = await redeliverRoute(
      new Request(`${base}/api/v1/me/webhooks/${hook.id}/deliveries/${late.id}/redeliver`, {
        method: "POST",
        headers: await signedInHeaders(user.id),
      }),
      { params: Promise.resolve({ id: hook.id, deliveryId: late.id }) },
    );
    const after = await redelivered.json();
    expect(after).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
    // (The scheduled attempts ran on the test's clock, ahead of the manual one's real time: compare as a set.)
    expect(after.attemptLog.map((a: { statusCode: number; manual: boolean }) => `${a.statusCode} ${a.manual}`).sort()).toEqual([
      "200 true",
      "500 false",
      "500 false",
    ]);
    expect(new Set(failing.received.map((d) => d.headers["webhook-id"])).size).toBe(1);
  });

  it("are not sent to endpoints that do not subscribe to the event, nor to anyone else's", async () => {
    const r = await receiver();
    const user = await createUser();
    const other = await createUser();
    await endpoint(user.id, r.url, ["order.settled"]);
    await endpoint(other.id, r.url, ["offer.received"]);
    const queued = await db.$transaction((tx) => emitWebhookEvent(tx, { type: "offer.received", userIds: [user.id], data: {} }));
    expect(queued).toBe(0);
  });
});
