import "server-only";
/**
 * Listing moderation: the review queue and the admin transitions (approve, reject, suspend, reinstate).
 * Each call is one transaction over all the listings it names, each change with its audit row: an admin
 * who selects several listings gets all of them changed or, if any cannot be, none.
 */
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import type { ListingStatus, Machine, Prisma } from "@/lib/generated/prisma/client";
import { nextStatus } from "@/lib/listings/lifecycle";
import { writeAudit, type Tx } from "@/lib/admin/server/audit";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import type { ModerationInput } from "@/lib/admin/schema";
import { hardwareFields, type StatusChange } from "@/lib/listings/schema";
import { baseUnitsOf } from "@/lib/core/money";
import { agentReviewsFor, type AgentReview } from "@/lib/machines/server/queries";
import { emitWebhookEvent } from "@/lib/webhooks/server/outbox";

/** What an approval vouches for: what the buyer rents and pays. A resubmission is compared against it. */
const snapshotFields = [...hardwareFields, "pricePerGpuHour", "minHours", "maxHours", "description"] as const;
type SnapshotField = (typeof snapshotFields)[number];
export type ListingSnapshot = Partial<Record<SnapshotField, string | number>>;

function snapshotOf(machine: Machine): ListingSnapshot {
  const snap: ListingSnapshot = {};
  for (const field of snapshotFields) {
    const value = machine[field];
    snap[field] = typeof value === "number" || typeof value === "string" ? value : value.toFixed(0);
  }
  return snap;
}

export interface FieldChange {
  field: SnapshotField;
  before: string | number | null;
  after: string | number;
}

/** Fields that differ from the last approved snapshot; empty for a listing never approved. */
export function changesSinceApproval(machine: Machine): FieldChange[] {
  const approved = machine.approvedSnapshot as ListingSnapshot | null;
  if (!approved || typeof approved !== "object") return [];
  const now = snapshotOf(machine);
  return snapshotFields
    .filter((field) => String(approved[field] ?? "") !== String(now[field]))
    .map((field) => ({ field, before: approved[field] ?? null, after: now[field] ?? "" }));
}

function auditState(m: Pick<Machine, "status" | "rejectionReason" | "suspensionReason">) {
  return { status: m.status, rejectionReason: m.rejectionReason, suspensionReason: m.suspensionReason };
}

/** A suspended listing goes back to what it was when suspended (LIVE or PAUSED), read from the audit log. */
async function statusBeforeSuspension(tx: Tx, id: string): Promise<ListingStatus> {
  const last = await tx.auditLog.findFirst({
    where: { targetType: "LISTING", targetId: id, action: "listing.suspend" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { before: true },
  });
  const before = last?.before as { status?: string } | null | undefined;
  return before?.status === "PAUSED" ? "PAUSED" : "LIVE";
}

async function moderateOne(tx: Tx, admin: Caller, id: string, input: ModerationInput): Promise<Machine> {
  const current = await tx.machine.findUnique({ where: { id } });
  if (!current) throw new ApiError(404, "not_found", `No listing with id ${id}.`);
  const to =
    input.action === "reinstate"
      ? current.status === "SUSPENDED"
        ? await statusBeforeSuspension(tx, id)
        : null
      : nextStatus(current.status, input.action);
  if (!to) throw new ApiError(409, "invalid_transition", `Cannot ${input.action} listing ${id}: it is ${current.status}.`);

  const now = new Date();
  const data: Prisma.MachineUncheckedUpdateManyInput = { status: to };
  if (input.action === "approve") Object.assign(data, { reviewedAt: now, rejectionReason: null, approvedSnapshot: snapshotOf(current) });
  if (input.action === "reject") Object.assign(data, { reviewedAt: now, rejectionReason: input.reason });
  if (input.action === "suspend") Object.assign(data, { suspensionReason: input.reason });
  if (input.action === "reinstate") Object.assign(data, { suspensionReason: null });

  // Guarded on the status read above, so a provider's concurrent withdraw or edit is not overwritten.
  const { count } = await tx.machine.updateMany({ where: { id, status: current.status }, data });
  if (count === 0) throw new ApiError(409, "conflict", `Listing ${id} changed meanwhile; reload and try again.`);
  // The status history utilization reads (the owner's changes record theirs in listings/mutations.ts).
  if (to !== current.status) await tx.listingStatusChange.create({ data: { machineId: id, status: to, at: now } });
  const updated = await tx.machine.findUniqueOrThrow({ where: { id } });
  await writeAudit(tx, {
    admin,
    action: `listing.${input.action}`,
    targetType: "LISTING",
    targetId: id,
    reason: input.reason ?? null,
    before: auditState(current),
    after: auditState(updated),
  });
  // The provider's webhooks, in the moderation's transaction: a batch that fails as a whole sends none.
  if (input.action === "approve" || input.action === "reject") {
    await emitWebhookEvent(tx, {
      type: input.action === "approve" ? "listing.approved" : "listing.rejected",
      userIds: [current.providerId],
      data: { listingId: id, status: to, reason: input.action === "reject" ? (input.reason ?? null) : null },
    });
  }
  return updated;
}

/** Applies one admin action to every listing in `input.ids`, in one transaction. */
export async function moderateListings(admin: Caller, input: ModerationInput, tx?: Tx): Promise<Machine[]> {
  const run = async (t: Tx) => {
    const out: Machine[] = [];
    for (const id of new Set(input.ids)) out.push(await moderateOne(t, admin, id, input));
    return out;
  };
  return tx ? run(tx) : db.$transaction(run);
}

export interface QueueItem {
  id: string;
  gpuModel: string;
  gpuName: string;
  gpuCount: number;
  vramGb: number;
  cpuCores: number;
  ramGb: number;
  diskGb: number;
  country: string;
  city: string;
  cudaVersion: number;
  driverVersion: string;
  pricePerGpuHour: bigint;
  description: string;
  submittedAt: Date;
  provider: { id: string; address: string; banned: boolean };
  /** Median price per GPU-hour of live listings of the same model (banned providers excluded); null when none. */
  marketMedian: bigint | null;
  marketCount: number;
  /** Whole percent above (+) or below (-) the median. */
  vsMedianPercent: number | null;
  /** Set for a listing that was approved before: what differs from that approval. */
  changes: FieldChange[] | null;
  /** What the machine agent measured and where it contradicts the listing; null without an agent. */
  agent: AgentReview | null;
}

/** Live-market median per GPU model, as an exact listed price (percentile_disc), never a float. */
export async function medianPrices(models: string[]): Promise<Map<string, { median: bigint; count: number }>> {
  if (models.length === 0) return new Map();
  const rows = await db.$queryRaw<{ gpuModel: string; median: string; n: number }[]>`
    SELECT m."gpuModel", (percentile_disc(0.5) WITHIN GROUP (ORDER BY m."pricePerGpuHour"))::text AS median, count(*)::int AS n
    FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
    WHERE m.status = 'LIVE' AND NOT u.banned AND m."gpuModel" = ANY(${models})
    GROUP BY m."gpuModel"`;
  return new Map(rows.map((r) => [r.gpuModel, { median: BigInt(r.median), count: r.n }]));
}

/** Listings waiting for review, oldest submission first. */
export async function moderationQueue(limit = 100): Promise<QueueItem[]> {
  const rows = await db.machine.findMany({
    where: { status: "PENDING_REVIEW" },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
    take: limit,
    include: { provider: { select: { id: true, address: true, banned: true } } },
  });
  const [medians, agents] = await Promise.all([
    medianPrices([...new Set(rows.map((r) => r.gpuModel))]),
    agentReviewsFor(rows.map((r) => r.id)),
  ]);
  return rows.map((r) => {
    const price = baseUnitsOf(r.pricePerGpuHour);
    const market = medians.get(r.gpuModel);
    return {
      id: r.id,
      gpuModel: r.gpuModel,
      gpuName: gpuSpec(r.gpuModel)?.name ?? r.gpuModel,
      gpuCount: r.gpuCount,
      vramGb: r.vramGb,
      cpuCores: r.cpuCores,
      ramGb: r.ramGb,
      diskGb: r.diskGb,
      country: r.country,
      city: r.city,
      cudaVersion: r.cudaVersion,
      driverVersion: r.driverVersion,
      pricePerGpuHour: price,
      description: r.description,
      submittedAt: r.submittedAt ?? r.createdAt,
      provider: r.provider,
      marketMedian: market?.median ?? null,
      marketCount: market?.count ?? 0,
      vsMedianPercent: market && market.median > 0n ? Number(((price - market.median) * 100n) / market.median) : null,
      changes: r.approvedSnapshot ? changesSinceApproval(r) : null,
      agent: agents.get(r.id) ?? null,
    };
  });
}

/** Suspended listings, for reinstating. */
export function suspendedListings(limit = 100) {
  return db.machine.findMany({
    where: { status: "SUSPENDED" },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      gpuModel: true,
      gpuCount: true,
      city: true,
      country: true,
      suspensionReason: true,
      updatedAt: true,
      provider: { select: { address: true } },
    },
  });
}

/**
 * The v1 status route sends admins' approve/reject/suspend here, so those are audited like the console's.
 * That API takes no reason for a suspension, so the audit row says so.
 */
export async function moderateFromStatusChange(admin: Caller, id: string, change: StatusChange): Promise<void> {
  if (change.action === "reject") await moderateListings(admin, { action: "reject", ids: [id], reason: change.reason });
  else if (change.action === "suspend")
    await moderateListings(admin, { action: "suspend", ids: [id], reason: "Suspended through the v1 API (no reason given)" });
  else if (change.action === "approve") await moderateListings(admin, { action: "approve", ids: [id], reason: undefined });
  else throw new ApiError(400, "invalid_parameter", `${change.action} is not an admin action`, { action: ["Not an admin action"] });
}
