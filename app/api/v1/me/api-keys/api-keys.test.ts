/**
 * API keys end to end through the real route handlers and database: creating one needs a recent
 * sign-in and shows the secret once, only its hash is stored, a bearer key works without Origin within
 * its scopes, and revocation, expiry, a ban and the per-key rate limit each stop it with a named reason.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as adminUsers } from "@/app/api/admin/users/route";
import { DELETE as revokeRoute } from "@/app/api/v1/me/api-keys/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/me/api-keys/route";
import { GET as searchRoute } from "@/app/api/v1/listings/route";
import { GET as getOrderRoute } from "@/app/api/v1/orders/[id]/route";
import { POST as createOrderRoute } from "@/app/api/v1/orders/route";
import { env } from "@/env";
import { applyUserAction } from "@/lib/admin/server/users";
import { sessionRowId } from "@/lib/auth/server/sessions";
import { db } from "@/lib/core/server/db";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { rental } from "@/test/payments";

const base = appUrl.origin;
const noParams = { params: Promise.resolve({}) };

async function createKey(headers: Headers, body: unknown = { name: "training", scopes: ["read", "orders"] }) {
  return createRoute(new Request(`${base}/api/v1/me/api-keys`, { method: "POST", headers, body: JSON.stringify(body) }), noParams);
}

/** What a script sends: the key, JSON, and no Origin or cookie at all. */
function bearer(key: string): Headers {
  return new Headers({ authorization: `Bearer ${key}`, "content-type": "application/json" });
}

async function newKey(userId: string, body?: unknown): Promise<{ id: string; secret: string }> {
  const res = await createKey(await signedInHeaders(userId), body);
  expect(res.status).toBe(201);
  return res.json();
}

const readOrder = (headers: Headers, id: string) =>
  getOrderRoute(new Request(`${base}/api/v1/orders/${id}`, { headers }), { params: Promise.resolve({ id }) });
const postOrder = (headers: Headers, body: unknown) =>
  createOrderRoute(new Request(`${base}/api/v1/orders`, { method: "POST", headers, body: JSON.stringify(body) }), noParams);

describe("API keys", () => {
  it("needs a sign-in within 15 minutes to create one", async () => {
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    const token = headers.get("cookie")!.split("=")[1]!;
    await db.session.update({ where: { id: sessionRowId(token) }, data: { createdAt: new Date(Date.now() - 16 * 60 * 1000) } });
    const res = await createKey(headers);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "reauth_required" });
    expect(await db.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows the secret once and stores only its SHA-256", async () => {
    const user = await createUser();
    const created = await newKey(user.id, { name: "  ci  ", scopes: ["read", "read", "jobs"], expiresInDays: 30 });
    expect(created).toMatchObject({ name: "ci", scopes: ["read", "jobs"], revokedAt: null, lastUsedAt: null });
    expect(created.secret).toMatch(/^igk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(row.prefix).toBe(created.secret.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(13));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(30 * 24 * 60 * 60 * 1000);

    const listed = await (
      await listRoute(new Request(`${base}/api/v1/me/api-keys`, { headers: await signedInHeaders(user.id) }), noParams)
    ).json();
    expect(listed.keys).toEqual([expect.objectContaining({ id: created.id, prefix: row.prefix })]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it("refuses bad input naming the field", async () => {
    const user = await createUser();
    const res = await createKey(await signedInHeaders(user.id), { name: "", scopes: ["admin"], expiresInDays: 0 });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fieldErrors).sort()).toEqual(["expiresInDays", "name", "scopes.0"]);
  });

  it("works as a bearer without Origin within its scopes, while a cookie without Origin is still refused", async () => {
    const r = await rental();
    const { secret } = await newKey(r.buyer.id);
    const created = await postOrder(bearer(secret), { listingId: r.machine.id, hours: 2 });
    expect(created.status).toBe(201);
    const order = await created.json();
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", buyer: r.buyer.address });
    expect((await readOrder(bearer(secret), order.id)).status).toBe(200);

    // The same write with the session cookie and no Origin: the CSRF check still applies.
    const cookieOnly = await signedInHeaders(r.buyer.id);
    cookieOnly.delete("origin");
    const refused = await postOrder(cookieOnly, { listingId: r.machine.id, hours: 2 });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "bad_origin" });
    // A bearer that also sends a cookie is a browser's request: Origin is checked.
    const both = bearer(secret);
    both.set("cookie", cookieOnly.get("cookie")!);
    expect((await postOrder(both, { listingId: r.machine.id, hours: 2 })).status).toBe(403);
  });

  it("answers 403 naming the scope a key lacks, and never lets a key manage keys", async () => {
    const r = await rental();
    const { secret } = await newKey(r.buyer.id, { name: "read only", scopes: ["read"] });
    const res = await postOrder(bearer(secret), { listingId: r.machine.id, hours: 2 });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body).toMatchObject({ error: "insufficient_scope" });
    expect(body.message).toContain('"orders"');

    const minted = await createKey(bearer(secret));
    expect(minted.status).toBe(403);
    expect(await minted.json()).toMatchObject({ error: "session_required" });
    const listed = await listRoute(new Request(`${base}/api/v1/me/api-keys`, { headers: bearer(secret) }), noParams);
    expect(listed.status).toBe(403);
  });

  it("stops working at once when revoked, expired, unknown or its owner is banned, saying which", async () => {
    const user = await createUser();
    const headers = await signedInHeaders(user.id);
    const revoked = await newKey(user.id);
    const order = "c".repeat(25);
    // A working key reaches the handler (404: no such order), a failing one never does.
    expect((await readOrder(bearer(revoked.secret), order)).status).toBe(404);
    const revoke = await revokeRoute(new Request(`${base}/api/v1/me/api-keys/${revoked.id}`, { method: "DELETE", headers }), {
      params: Promise.resolve({ id: revoked.id }),
    });
    expect(await revoke.json()).toMatchObject({ id: revoked.id, revokedAt: expect.any(String) });
    const afterRevoke = await readOrder(bearer(revoked.secret), order);
    expect(afterRevoke.status).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ error: "key_revoked" });
    // Public routes need no key, but one that is sent is still checked: a script learns at once.
    const search = await searchRoute(new Request(`${base}/api/v1/listings`, { headers: bearer(revoked.secret) }), noParams);
    expect(await search.json()).toMatchObject({ error: "key_revoked" });

    const expiring = await newKey(user.id);
    await db.apiKey.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await readOrder(bearer(expiring.secret), order)).json()).toMatchObject({ error: "key_expired" });

    const unknown = `igk_abcdefgh_${"A".repeat(43)}`;
    expect(await (await readOrder(bearer(unknown), order)).json()).toMatchObject({ error: "invalid_key" });
    expect(await (await readOrder(bearer("not-a-key"), order)).json()).toMatchObject({ error: "invalid_key" });

    // Someone else cannot revoke it: their DELETE is a 404 like an unknown id.
    const other = await createUser();
    const kept = await newKey(user.id);
    const foreign = await revokeRoute(
      new Request(`${base}/api/v1/me/api-keys/${kept.id}`, { method: "DELETE", headers: await signedInHeaders(other.id) }),
      {
        params: Promise.resolve({ id: kept.id }),
      },
    );
    expect(foreign.status).toBe(404);

    const admin = await createUser({ roles: ["ADMIN"] });
    await applyUserAction(
      { userId: admin.id, address: admin.address as `0x${string}`, roles: ["ADMIN"], isAdmin: true, sessionId: "test" },
      user.id,
      { action: "ban", reason: "fraud" },
    );
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: kept.id } })).revokedAt).not.toBeNull();
    expect(await (await readOrder(bearer(kept.secret), order)).json()).toMatchObject({ error: "key_revoked" });
  });

  it("limits each key per minute with Retry-After, without touching other keys, and records use to the minute", async () => {
    const user = await createUser();
    const limited = await newKey(user.id);
    const other = await newKey(user.id);
    const order = "d".repeat(25);
    expect((await readOrder(bearer(limited.secret), order)).status).toBe(404);
    const firstUse = (await db.apiKey.findUniqueOrThrow({ where: { id: limited.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();

    // The window already holds the limit but one: one more passes, the next is refused.
    await db.apiKey.update({ where: { id: limited.id }, data: { windowCount: env.API_KEY_REQUESTS_PER_MINUTE - 1 } });
    expect((await readOrder(bearer(limited.secret), order)).status).toBe(404);
    const refused = await readOrder(bearer(limited.secret), order);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    expect((await readOrder(bearer(other.secret), order)).status).toBe(404);
    // Within the minute lastUsedAt stays put, however many requests came.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: limited.id } })).lastUsedAt).toEqual(firstUse);

    // A minute on, the window starts again and lastUsedAt moves.
    const aMinuteAgo = new Date(Date.now() - 61_000);
    await db.apiKey.update({ where: { id: limited.id }, data: { windowStart: aMinuteAgo, lastUsedAt: aMinuteAgo } });
    expect((await readOrder(bearer(limited.secret), order)).status).toBe(404);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: limited.id } });
    expect(row.windowCount).toBe(1);
    expect(row.lastUsedAt!.getTime()).toBeGreaterThan(aMinuteAgo.getTime());
  });

  it("keeps API keys away from admin routes, whatever their owner may do in a browser", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const { secret } = await newKey(admin.id, { name: "all", scopes: ["read", "orders", "listings", "jobs"] });
    const res = await adminUsers(new Request(`${base}/api/admin/users`, { headers: bearer(secret) }), undefined);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "session_required" });
    // The same admin with a browser session is let in, so the 403 above is the key's doing.
    expect((await adminUsers(new Request(`${base}/api/admin/users`, { headers: await signedInHeaders(admin.id) }), undefined)).status).toBe(
      200,
    );
  });
});
