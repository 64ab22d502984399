import "server-only";
/**
 * Users in the admin console: search by address, a user's listings and reports, ban/unban and the ADMIN
 * role. Every change and its audit row share one transaction.
 *
 * A ban: the user row is marked (callerFromToken refuses banned users on every request, so even a session
 * row that survived would stop working), their sessions are deleted and their API keys revoked in the same transaction, and their
 * listings leave the marketplace because public search and listing pages hide banned providers' listings;
 * the listings keep their status so an unban restores them. Open offers on jobs do not exist yet: when
 * the jobs issue adds them, withdraw them here, inside the same transaction.
 */
import { isConfiguredAdmin } from "@/lib/auth/server/caller";
import type { Caller } from "@/lib/auth/server/caller";
import { writeAudit, type Tx } from "@/lib/admin/server/audit";
import { revokeUserApiKeys } from "@/lib/apikeys/server/keys";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import type { UserAction } from "@/lib/admin/schema";
import type { Role } from "@/lib/generated/prisma/client";

/** Addresses are stored checksummed; search is a case-insensitive prefix (or substring after "0x"). */
export async function searchUsers(query: string, limit = 50) {
  const q = query.trim();
  if (q !== "" && !/^(0x)?[0-9a-fA-F]{1,40}$/.test(q)) return [];
  const rows = await db.user.findMany({
    where: q ? { address: { contains: q, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      address: true,
      displayName: true,
      roles: true,
      banned: true,
      createdAt: true,
      _count: { select: { machines: true, reportsAgainst: { where: { status: "OPEN" } } } },
    },
  });
  return rows.map((r) => ({ ...r, configuredAdmin: isConfiguredAdmin(r.address) }));
}

export async function userDetail(id: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      address: true,
      displayName: true,
      roles: true,
      banned: true,
      bannedReason: true,
      createdAt: true,
      machines: {
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, gpuModel: true, gpuCount: true, status: true, city: true, country: true, pricePerGpuHour: true },
      },
      reportsAgainst: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, category: true, note: true, status: true, createdAt: true, reporter: { select: { address: true } } },
      },
      reportsFiled: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          id: true,
          targetType: true,
          listingId: true,
          targetUserId: true,
          category: true,
          note: true,
          status: true,
          createdAt: true,
        },
      },
      _count: { select: { sessions: true } },
    },
  });
  if (!user) return null;
  const listingReports = await db.report.findMany({
    where: { listing: { providerId: id } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, listingId: true, category: true, note: true, status: true, createdAt: true },
  });
  return { ...user, listingReports, configuredAdmin: isConfiguredAdmin(user.address) };
}

function auditState(u: { banned: boolean; bannedReason: string | null; roles: Role[] }) {
  return { banned: u.banned, bannedReason: u.bannedReason, roles: u.roles };
}

async function applyInTx(tx: Tx, admin: Caller, userId: string, change: UserAction) {
  const current = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, address: true, banned: true, bannedReason: true, roles: true },
  });
  if (!current) throw new ApiError(404, "not_found", "No user with this id.");
  const self = current.id === admin.userId;
  const configured = isConfiguredAdmin(current.address);

  let data: { banned?: boolean; bannedReason?: string | null; roles?: Role[] };
  switch (change.action) {
    case "ban":
      if (self) throw new ApiError(409, "self", "You cannot ban yourself.");
      if (configured)
        throw new ApiError(
          409,
          "configured_admin",
          "This address is an admin by configuration (ADMIN_ADDRESSES) and cannot be banned here.",
        );
      if (current.banned) throw new ApiError(409, "already_banned", "This user is already banned.");
      data = { banned: true, bannedReason: change.reason };
      break;
    case "unban":
      if (!current.banned) throw new ApiError(409, "not_banned", "This user is not banned.");
      data = { banned: false, bannedReason: null };
      break;
    case "grant_admin":
      if (current.roles.includes("ADMIN")) throw new ApiError(409, "already_admin", "This user already has the admin role.");
      data = { roles: [...current.roles, "ADMIN"] };
      break;
    case "revoke_admin":
      if (configured) throw new ApiError(409, "configured_admin", "Addresses in ADMIN_ADDRESSES cannot be demoted from the console.");
      if (self) throw new ApiError(409, "self", "You cannot revoke your own admin role; ask another admin.");
      if (!current.roles.includes("ADMIN")) throw new ApiError(409, "not_admin", "This user does not have the admin role.");
      data = { roles: current.roles.filter((r) => r !== "ADMIN") };
      break;
  }

  // Guarded on the state read above, so two admins acting at once cannot both succeed on stale data.
  const { count } = await tx.user.updateMany({ where: { id: userId, banned: current.banned, roles: { equals: current.roles } }, data });
  if (count === 0) throw new ApiError(409, "conflict", "The user changed meanwhile; reload and try again.");
  // Sessions end and API keys are revoked in the same transaction as the ban (revokeUserSessions does
  // the same outside one): a ban that commits leaves no credential working, one that rolls back takes none.
  if (change.action === "ban") {
    await tx.session.deleteMany({ where: { userId } });
    await revokeUserApiKeys(tx, userId);
  }
  const updated = { ...current, ...data };
  await writeAudit(tx, {
    admin,
    action: `user.${change.action}`,
    targetType: "USER",
    targetId: userId,
    reason: change.reason ?? null,
    before: auditState(current),
    after: auditState({ banned: updated.banned, bannedReason: updated.bannedReason ?? null, roles: updated.roles }),
  });
  return updated;
}

/** Ban, unban, grant or revoke ADMIN; pass `tx` to run inside a larger transaction (report resolution). */
export function applyUserAction(admin: Caller, userId: string, change: UserAction, tx?: Tx) {
  return tx ? applyInTx(tx, admin, userId, change) : db.$transaction((t) => applyInTx(t, admin, userId, change));
}
