/** Every admin API answers 401 to anonymous and banned callers and 403 to every signed-in non-admin. */
import { GET as auditGet } from "@/app/api/admin/audit/route";
import { GET as auditExport } from "@/app/api/admin/audit/export/route";
import { GET as queueGet, POST as moderate } from "@/app/api/admin/listings/moderation/route";
import { GET as overviewGet } from "@/app/api/admin/overview/route";
import { GET as reportsGet } from "@/app/api/admin/reports/route";
import { POST as resolve } from "@/app/api/admin/reports/resolve/route";
import { GET as usersGet } from "@/app/api/admin/users/route";
import { GET as userGet, POST as userAction } from "@/app/api/admin/users/[id]/route";
import { POST as report } from "@/app/api/v1/reports/route";
import { db } from "@/lib/core/server/db";
import { appUrl } from "@/test/auth";
import { authzRow, describeAuthzMatrix } from "@/test/authz-matrix";
import { createMachine, createUser } from "@/test/factories";

const url = (path: string) => `${appUrl.origin}${path}`;
const adminOnly = { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 403 } as const;
const post = (path: string, headers: Headers, body: unknown) =>
  new Request(url(path), { method: "POST", headers, body: JSON.stringify(body) });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

describeAuthzMatrix("admin API", [
  authzRow({
    name: "GET /api/admin/overview",
    act: (h) => overviewGet(new Request(url("/api/admin/overview"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "GET /api/admin/listings/moderation",
    act: (h) => queueGet(new Request(url("/api/admin/listings/moderation"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/admin/listings/moderation (approve)",
    arrange: (w) => createMachine(w.owner.id, { status: "PENDING_REVIEW" }),
    act: (h, m) => moderate(post("/api/admin/listings/moderation", h, { action: "approve", ids: [m.id] }), undefined),
    expect: { ...adminOnly, admin: 200 },
  }),
  authzRow({
    name: "POST /api/admin/listings/moderation (suspend)",
    arrange: (w) => createMachine(w.owner.id, { status: "LIVE" }),
    act: (h, m) => moderate(post("/api/admin/listings/moderation", h, { action: "suspend", ids: [m.id], reason: "Looks fake" }), undefined),
    expect: { ...adminOnly, admin: 200 },
  }),
  authzRow({
    name: "GET /api/admin/users",
    act: (h) => usersGet(new Request(url("/api/admin/users?q=0x"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "GET /api/admin/users/[id]",
    act: (h, _a, w) => userGet(new Request(url(`/api/admin/users/${w.owner.id}`), { headers: h }), idParams(w.owner.id)),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/admin/users/[id] (ban)",
    arrange: () => createUser(),
    act: (h, u) => userAction(post(`/api/admin/users/${u.id}`, h, { action: "ban", reason: "Scam listings" }), idParams(u.id)),
    expect: { ...adminOnly, admin: 200 },
  }),
  authzRow({
    name: "POST /api/admin/users/[id] (grant_admin)",
    arrange: () => createUser(),
    act: (h, u) => userAction(post(`/api/admin/users/${u.id}`, h, { action: "grant_admin" }), idParams(u.id)),
    expect: { ...adminOnly, admin: 200 },
  }),
  authzRow({
    name: "GET /api/admin/reports",
    act: (h) => reportsGet(new Request(url("/api/admin/reports"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/admin/reports/resolve",
    arrange: async (w) => {
      const m = await createMachine(w.owner.id);
      await db.report.create({
        data: { reporterId: w.buyer.id, targetType: "LISTING", listingId: m.id, category: "SPAM", note: "Same listing posted ten times" },
      });
      return m;
    },
    act: (h, m) =>
      resolve(
        post("/api/admin/reports/resolve", h, { targetType: "LISTING", targetId: m.id, resolution: "dismiss", note: "Not spam" }),
        undefined,
      ),
    expect: { ...adminOnly, admin: 200 },
  }),
  authzRow({
    name: "GET /api/admin/audit",
    act: (h) => auditGet(new Request(url("/api/admin/audit"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "GET /api/admin/audit/export",
    act: (h) => auditExport(new Request(url("/api/admin/audit/export"), { headers: h }), undefined),
    expect: { ...adminOnly, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/v1/reports",
    arrange: (w) => createMachine(w.owner.id),
    act: (h, m) =>
      report(
        post("/api/v1/reports", h, {
          targetType: "LISTING",
          targetId: m.id,
          category: "MISLEADING",
          note: "The GPU is not an H100 at all",
        }),
        undefined,
      ),
    // Anyone signed in may report; the owner may not report their own listing.
    expect: { anonymous: 401, banned: 401, buyer: 201, owner: 409, otherProvider: 201, admin: 201 },
  }),
]);
