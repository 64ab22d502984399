/**
 * Every admin action writes its audit row in the same transaction as its change. Each action runs twice:
 * as a real admin (the change and exactly one row appear) and as an admin whose user row does not exist,
 * so the audit insert — the last statement, after the change — fails its foreign key: then neither the
 * change nor a row may remain. Bad targets (unknown ids, impossible transitions) also leave nothing.
 */
import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/server/caller";
import { moderateListings } from "@/lib/admin/server/moderation";
import { resolveReports } from "@/lib/admin/server/reports";
import { applyUserAction } from "@/lib/admin/server/users";
import { createSession } from "@/lib/auth/server/sessions";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { createMachine, createUser, randomAddress } from "@/test/factories";

async function realAdmin(): Promise<Caller> {
  const user = await createUser({ roles: ["ADMIN"] });
  return { userId: user.id, address: user.address as `0x${string}`, roles: ["ADMIN"], isAdmin: true, sessionId: "unused" };
}

/** Passes every in-memory check, but the audit row's foreign key to User cannot hold. */
function ghostAdmin(): Caller {
  return {
    userId: `ghost${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    address: randomAddress(),
    roles: ["ADMIN"],
    isAdmin: true,
    sessionId: "unused",
  };
}

interface Case {
  name: string;
  /** Creates the target and returns its id, the audit target id and a snapshot of the state the action changes. */
  arrange(): Promise<{ targetId: string; state: () => Promise<unknown> }>;
  act(admin: Caller, targetId: string): Promise<unknown>;
  action: string;
}

const machineState = (id: string) => () =>
  db.machine.findUniqueOrThrow({
    where: { id },
    select: { status: true, rejectionReason: true, suspensionReason: true, approvedSnapshot: true },
  });
const userState = (id: string) => async () => ({
  ...(await db.user.findUniqueOrThrow({ where: { id }, select: { banned: true, bannedReason: true, roles: true } })),
  sessions: await db.session.count({ where: { userId: id } }),
});
const reportState = (where: { listingId?: string; targetUserId?: string }) => () =>
  db.report.findMany({ where, orderBy: { id: "asc" }, select: { status: true, resolutionNote: true } });

async function listingWith(status: "PENDING_REVIEW" | "LIVE" | "SUSPENDED") {
  const owner = await createUser();
  return createMachine(owner.id, { status, submittedAt: new Date() });
}

async function reportedListing() {
  const m = await listingWith("LIVE");
  const reporter = await createUser();
  await db.report.create({
    data: { reporterId: reporter.id, targetType: "LISTING", listingId: m.id, category: "FRAUD", note: "Specs are invented" },
  });
  return m;
}

async function reportedUser() {
  const target = await createUser();
  await createSession(target.id);
  const reporter = await createUser();
  await db.report.create({
    data: { reporterId: reporter.id, targetType: "USER", targetUserId: target.id, category: "ABUSE", note: "Threatened me in chat" },
  });
  return target;
}

const cases: Case[] = [
  {
    name: "approve",
    action: "listing.approve",
    arrange: async () => listingWith("PENDING_REVIEW").then((m) => ({ targetId: m.id, state: machineState(m.id) })),
    act: (admin, id) => moderateListings(admin, { action: "approve", ids: [id], reason: undefined }),
  },
  {
    name: "reject",
    action: "listing.reject",
    arrange: async () => listingWith("PENDING_REVIEW").then((m) => ({ targetId: m.id, state: machineState(m.id) })),
    act: (admin, id) => moderateListings(admin, { action: "reject", ids: [id], reason: "Price is a typo" }),
  },
  {
    name: "suspend",
    action: "listing.suspend",
    arrange: async () => listingWith("LIVE").then((m) => ({ targetId: m.id, state: machineState(m.id) })),
    act: (admin, id) => moderateListings(admin, { action: "suspend", ids: [id], reason: "Reported as fake" }),
  },
  {
    name: "reinstate",
    action: "listing.reinstate",
    arrange: async () => listingWith("SUSPENDED").then((m) => ({ targetId: m.id, state: machineState(m.id) })),
    act: (admin, id) => moderateListings(admin, { action: "reinstate", ids: [id], reason: undefined }),
  },
  {
    name: "ban",
    action: "user.ban",
    arrange: async () => {
      const u = await createUser();
      await createSession(u.id);
      return { targetId: u.id, state: userState(u.id) };
    },
    act: (admin, id) => applyUserAction(admin, id, { action: "ban", reason: "Fraudulent listings" }),
  },
  {
    name: "unban",
    action: "user.unban",
    arrange: async () => createUser({ banned: true, bannedReason: "spam" }).then((u) => ({ targetId: u.id, state: userState(u.id) })),
    act: (admin, id) => applyUserAction(admin, id, { action: "unban", reason: undefined }),
  },
  {
    name: "grant admin",
    action: "user.grant_admin",
    arrange: async () => createUser().then((u) => ({ targetId: u.id, state: userState(u.id) })),
    act: (admin, id) => applyUserAction(admin, id, { action: "grant_admin", reason: undefined }),
  },
  {
    name: "revoke admin",
    action: "user.revoke_admin",
    arrange: async () => createUser({ roles: ["ADMIN"] }).then((u) => ({ targetId: u.id, state: userState(u.id) })),
    act: (admin, id) => applyUserAction(admin, id, { action: "revoke_admin", reason: undefined }),
  },
  {
    name: "dismiss reports",
    action: "report.dismiss",
    arrange: async () => reportedListing().then((m) => ({ targetId: m.id, state: reportState({ listingId: m.id }) })),
    act: (admin, id) => resolveReports(admin, { targetType: "LISTING", targetId: id, resolution: "dismiss", note: "Specs check out" }),
  },
  {
    name: "resolve reports by suspending the listing",
    action: "report.resolve",
    arrange: async () =>
      reportedListing().then((m) => ({
        targetId: m.id,
        state: async () => ({ reports: await reportState({ listingId: m.id })(), machine: await machineState(m.id)() }),
      })),
    act: (admin, id) =>
      resolveReports(admin, { targetType: "LISTING", targetId: id, resolution: "suspend_listing", note: "Confirmed fake" }),
  },
  {
    name: "resolve reports by banning the user",
    action: "report.resolve",
    arrange: async () =>
      reportedUser().then((u) => ({
        targetId: u.id,
        state: async () => ({ reports: await reportState({ targetUserId: u.id })(), user: await userState(u.id)() }),
      })),
    act: (admin, id) => resolveReports(admin, { targetType: "USER", targetId: id, resolution: "ban_user", note: "Repeated abuse" }),
  },
];

const auditRows = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });

describe("admin actions and their audit rows", () => {
  it.each(cases)("$name: a successful action changes the target and writes its row", async (c) => {
    const admin = await realAdmin();
    const { targetId, state } = await c.arrange();
    const before = await state();
    await c.act(admin, targetId);
    expect(await state()).not.toEqual(before);
    const rows = await auditRows(targetId);
    const row = rows.find((r) => r.action === c.action);
    expect(row).toMatchObject({ adminId: admin.userId, adminAddress: admin.address, targetId });
    expect(row?.before).not.toBeNull();
    expect(row?.after).not.toEqual(row?.before);
  });

  it.each(cases)("$name: when the audit write fails, the change is rolled back too", async (c) => {
    const { targetId, state } = await c.arrange();
    const before = await state();
    const error: unknown = await c.act(ghostAdmin(), targetId).then(
      () => null,
      (e: unknown) => e,
    );
    // Not a domain refusal: every check passed and the change was made before the foreign key failed.
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(await state()).toEqual(before);
    expect(await auditRows(targetId)).toEqual([]);
  });

  it("a batch with one unknown listing changes none of them and writes no rows", async () => {
    const admin = await realAdmin();
    const a = await listingWith("PENDING_REVIEW");
    const b = await listingWith("PENDING_REVIEW");
    await expect(
      moderateListings(admin, { action: "approve", ids: [a.id, b.id, "no-such-listing"], reason: undefined }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(moderateListings(admin, { action: "suspend", ids: [a.id], reason: "not live" })).rejects.toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
    for (const m of [a, b]) {
      expect((await machineState(m.id)()).status).toBe("PENDING_REVIEW");
      expect(await auditRows(m.id)).toEqual([]);
    }
  });

  it("a ban of an unknown user or a configured admin changes nothing", async () => {
    const admin = await realAdmin();
    await expect(applyUserAction(admin, "no-such-user", { action: "ban", reason: "whatever" })).rejects.toMatchObject({ status: 404 });
    await expect(applyUserAction(admin, admin.userId, { action: "ban", reason: "oops" })).rejects.toMatchObject({
      status: 409,
      code: "self",
    });
    expect(await auditRows("no-such-user")).toEqual([]);
    expect(await auditRows(admin.userId)).toEqual([]);
  });
});
