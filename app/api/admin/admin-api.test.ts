/** The admin API's behaviour beyond authorization: bans, validation, the queue's figures, reports, audit filters and CSV. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as auditGet } from "@/app/api/admin/audit/route";
import { GET as auditExport } from "@/app/api/admin/audit/export/route";
import { GET as queueGet, POST as moderate } from "@/app/api/admin/listings/moderation/route";
import { GET as reportsGet } from "@/app/api/admin/reports/route";
import { POST as resolve } from "@/app/api/admin/reports/resolve/route";
import { POST as userAction } from "@/app/api/admin/users/[id]/route";
import { GET as session } from "@/app/api/auth/session/route";
import { POST as report } from "@/app/api/v1/reports/route";
import { GET as publicListing } from "@/app/api/v1/listings/[id]/route";
import type { User } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";

const url = (path: string) => `${appUrl.origin}${path}`;
const post = (path: string, headers: Headers, body: unknown) =>
  new Request(url(path), { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const get = (path: string, headers: Headers) => new Request(url(path), { headers });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

async function adminHeaders(): Promise<{ admin: User; headers: Headers }> {
  const admin = await createUser({ roles: ["ADMIN"] });
  return { admin, headers: await signedInHeaders(admin.id) };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("bans", () => {
  it("a banned user's session stops working on the very next request, and their listings leave the marketplace", async () => {
    const { headers } = await adminHeaders();
    const user = await createUser();
    const listing = await createMachine(user.id, { status: "LIVE" });
    const userHeaders = await signedInHeaders(user.id);
    expect((await session(get("/api/auth/session", userHeaders), undefined)).status).toBe(200);
    expect((await publicListing(get(`/api/v1/listings/${listing.id}`, userHeaders), idParams(listing.id))).status).toBe(200);

    const res = await userAction(
      post(`/api/admin/users/${user.id}`, headers, { action: "ban", reason: "Stolen hardware" }),
      idParams(user.id),
    );
    expect(res.status).toBe(200);
    expect((await session(get("/api/auth/session", userHeaders), undefined)).status).toBe(401);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      (await publicListing(get(`/api/v1/listings/${listing.id}`, await signedInHeaders((await createUser()).id)), idParams(listing.id)))
        .status,
    ).toBe(404);

    // Unbanning restores the listing (its status never changed) but not the ended sessions.
    await userAction(post(`/api/admin/users/${user.id}`, headers, { action: "unban" }), idParams(user.id));
    expect((await session(get("/api/auth/session", userHeaders), undefined)).status).toBe(401);
    expect((await publicListing(get(`/api/v1/listings/${listing.id}`, headers), idParams(listing.id))).status).toBe(200);
  });

  it("addresses in ADMIN_ADDRESSES cannot be demoted or banned from the console", async () => {
    const configured = await createUser({ roles: ["ADMIN"] });
    vi.resetModules();
    vi.stubEnv("ADMIN_ADDRESSES", configured.address);
    const { applyUserAction } = await import("@/lib/admin/server/users");
    const { admin } = await adminHeaders();
    const caller = { userId: admin.id, address: admin.address as `0x${string}`, roles: ["ADMIN" as const], isAdmin: true, sessionId: "s" };
    await expect(applyUserAction(caller, configured.id, { action: "revoke_admin", reason: undefined })).rejects.toMatchObject({
      status: 409,
      code: "configured_admin",
    });
    await expect(applyUserAction(caller, configured.id, { action: "ban", reason: "nope" })).rejects.toMatchObject({
      status: 409,
      code: "configured_admin",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: configured.id } })).toMatchObject({ roles: ["ADMIN"], banned: false });
  });
});

describe("validation", () => {
  it.each([
    ["moderation without a reason to reject", "/api/admin/listings/moderation", { action: "reject", ids: ["abc"] }, "reason"],
    ["moderation with no ids", "/api/admin/listings/moderation", { action: "approve", ids: [] }, "ids"],
    ["moderation with an unknown action", "/api/admin/listings/moderation", { action: "delete", ids: ["abc"] }, "action"],
    [
      "a resolution that does not fit the target",
      "/api/admin/reports/resolve",
      { targetType: "USER", targetId: "abc", resolution: "suspend_listing", note: "x y z" },
      "resolution",
    ],
    ["a body that is not JSON", "/api/admin/reports/resolve", "not json", "body"],
  ])("%s is a 400 naming the field", async (_name, path, body, field) => {
    const { headers } = await adminHeaders();
    const handler = path.includes("moderation") ? moderate : resolve;
    const res = await handler(post(path, headers, body), undefined);
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toHaveProperty(field);
  });

  it("a ban needs a reason, and unknown users are 404", async () => {
    const { headers } = await adminHeaders();
    const user = await createUser();
    const res = await userAction(post(`/api/admin/users/${user.id}`, headers, { action: "ban" }), idParams(user.id));
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toHaveProperty("reason");
    expect((await userAction(post("/api/admin/users/nobody", headers, { action: "unban" }), idParams("nobody"))).status).toBe(404);
    expect((await userAction(post("/api/admin/users/x", headers, { action: "unban" }), idParams("../etc"))).status).toBe(404);
  });

  it("bad audit filters are 400s", async () => {
    const { headers } = await adminHeaders();
    const res = await auditGet(get("/api/admin/audit?from=2026-02-30&admin=zz", headers), undefined);
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fieldErrors).sort()).toEqual(["admin", "from"]);
  });
});

describe("moderation queue", () => {
  it("lists oldest first with the market median and, for a resubmission, what changed since approval", async () => {
    const { headers } = await adminHeaders();
    const provider = await createUser();
    // A model of its own so the median is known: live listings at 1, 2 and 9 (a banned provider's 0.1 does not count).
    const model = "RTX-A6000";
    for (const price of ["1000000", "2000000", "9000000"]) await createMachine(provider.id, { gpuModel: model, pricePerGpuHour: price });
    await createMachine((await createUser({ banned: true })).id, { gpuModel: model, pricePerGpuHour: "100000" });
    const older = await createMachine(provider.id, {
      gpuModel: model,
      status: "PENDING_REVIEW",
      pricePerGpuHour: "3000000",
      submittedAt: new Date(Date.now() - 60_000),
    });
    const newer = await createMachine(provider.id, {
      gpuModel: model,
      status: "PENDING_REVIEW",
      pricePerGpuHour: "1500000",
      submittedAt: new Date(),
    });

    expect(
      (await moderate(post("/api/admin/listings/moderation", headers, { action: "approve", ids: [older.id] }), undefined)).status,
    ).toBe(200);
    // The provider changes hardware and price; the edit sends it back to review.
    await db.machine.update({
      where: { id: older.id },
      data: { status: "PENDING_REVIEW", ramGb: 128, pricePerGpuHour: "2500000", submittedAt: new Date(Date.now() - 30_000) },
    });

    const { items } = (await (await queueGet(get("/api/admin/listings/moderation", headers), undefined)).json()) as {
      items: {
        id: string;
        marketMedian: string;
        vsMedianPercent: number;
        changes: { field: string; before: unknown; after: unknown }[] | null;
      }[];
    };
    const ours = items.filter((i) => i.id === older.id || i.id === newer.id);
    expect(ours.map((i) => i.id)).toEqual([older.id, newer.id]);
    // After the approval the live prices are 1, 2, 3 (older was live at 3) and 9: percentile_disc gives 2.
    expect(ours[1]).toMatchObject({ marketMedian: "2000000", vsMedianPercent: -25, changes: null });
    expect(ours[0]?.changes).toEqual([
      { field: "ramGb", before: 64, after: 128 },
      { field: "pricePerGpuHour", before: "3000000", after: "2500000" },
    ]);
  });
});

describe("reports", () => {
  it("a user reports a listing once; admins see it grouped and suspend the listing from the report", async () => {
    const { headers } = await adminHeaders();
    const listing = await createMachine((await createUser()).id);
    const reporters = await Promise.all([createUser(), createUser()]);
    for (const r of reporters) {
      const res = await report(
        post("/api/v1/reports", await signedInHeaders(r.id), {
          targetType: "LISTING",
          targetId: listing.id,
          category: "FRAUD",
          note: "No such machine exists here",
        }),
        undefined,
      );
      expect(res.status).toBe(201);
    }
    const again = await report(
      post("/api/v1/reports", await signedInHeaders(reporters[0]!.id), {
        targetType: "LISTING",
        targetId: listing.id,
        category: "FRAUD",
        note: "Reporting it once more",
      }),
      undefined,
    );
    expect(again.status).toBe(409);
    const bad = await report(
      post("/api/v1/reports", await signedInHeaders(reporters[0]!.id), {
        targetType: "JOB",
        targetId: listing.id,
        category: "NOPE",
        note: "short",
      }),
      undefined,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["category", "note", "targetType"]);

    const { groups } = (await (await reportsGet(get("/api/admin/reports", headers), undefined)).json()) as {
      groups: { targetId: string; reports: unknown[] }[];
    };
    expect(groups.find((g) => g.targetId === listing.id)?.reports).toHaveLength(2);

    const res = await resolve(
      post("/api/admin/reports/resolve", headers, {
        targetType: "LISTING",
        targetId: listing.id,
        resolution: "suspend_listing",
        note: "Confirmed: fake listing",
      }),
      undefined,
    );
    expect(await res.json()).toEqual({ resolved: 2 });
    expect(await db.machine.findUniqueOrThrow({ where: { id: listing.id } })).toMatchObject({
      status: "SUSPENDED",
      suspensionReason: "Confirmed: fake listing",
    });
    expect(await db.report.findMany({ where: { listingId: listing.id }, select: { status: true } })).toEqual([
      { status: "ACTIONED" },
      { status: "ACTIONED" },
    ]);
    // Nothing open is left to resolve.
    expect(
      (
        await resolve(
          post("/api/admin/reports/resolve", headers, {
            targetType: "LISTING",
            targetId: listing.id,
            resolution: "dismiss",
            note: "again",
          }),
          undefined,
        )
      ).status,
    ).toBe(404);
  });

  it("users can be reported by address, but not oneself, and hidden listings cannot be reported", async () => {
    const reporter = await createUser();
    const target = await createUser();
    const h = await signedInHeaders(reporter.id);
    const body = { targetType: "USER", targetId: target.address.toLowerCase(), category: "ABUSE", note: "Insulted me in a review" };
    expect((await report(post("/api/v1/reports", h, body), undefined)).status).toBe(201);
    expect((await report(post("/api/v1/reports", h, { ...body, targetId: reporter.address }), undefined)).status).toBe(409);
    const draft = await createMachine(target.id, { status: "DRAFT" });
    expect((await report(post("/api/v1/reports", h, { ...body, targetType: "LISTING", targetId: draft.id }), undefined)).status).toBe(404);
  });
});

describe("audit log", () => {
  it("filters by admin, action and date, and exports CSV that spreadsheets will not execute", async () => {
    const { admin, headers } = await adminHeaders();
    const m = await createMachine((await createUser()).id, { status: "PENDING_REVIEW" });
    await moderate(
      post("/api/admin/listings/moderation", headers, { action: "reject", ids: [m.id], reason: '=HYPERLINK("x"), bad photos' }),
      undefined,
    );
    await moderate(
      post("/api/admin/listings/moderation", headers, {
        action: "approve",
        ids: [(await createMachine(m.providerId, { status: "PENDING_REVIEW" })).id],
      }),
      undefined,
    );

    const today = new Date().toISOString().slice(0, 10);
    const q = `admin=${admin.address.toLowerCase()}&action=listing.reject&from=${today}&to=${today}`;
    const page = (await (await auditGet(get(`/api/admin/audit?${q}`, headers), undefined)).json()) as {
      items: { action: string; targetId: string; before: unknown; after: unknown }[];
    };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: "listing.reject",
      targetId: m.id,
      before: { status: "PENDING_REVIEW" },
      after: { status: "REJECTED" },
    });
    const yesterday = (await (await auditGet(get(`/api/admin/audit?admin=${admin.address}&to=2020-01-01`, headers), undefined)).json()) as {
      items: unknown[];
    };
    expect(yesterday.items).toEqual([]);

    const csv = await auditExport(get(`/api/admin/audit/export?admin=${admin.address}`, headers), undefined);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time,admin,action,target_type,target_id,reason,before,after");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes("listing.reject"))).toContain(`"'=HYPERLINK(""x""), bad photos"`);
  });
});
