import "server-only";
/**
 * Every write to a listing: create, edit, and the lifecycle transitions. Callers have already
 * parsed their input with lib/listings/schema.ts; these functions authorize (owner or
 * admin) and enforce the state machine of lib/listings/lifecycle.ts. Failures are ApiErrors,
 * which route handlers and server actions turn into responses.
 */
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import type { ListingStatus, Machine, Prisma } from "@/lib/generated/prisma/client";
import { isEditable, nextStatus, transitions } from "@/lib/listings/lifecycle";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { baseUnitsOf } from "@/lib/core/money";
import { crossFieldErrors, hardwareFields, type ListingInput, type ListingPatch, type StatusChange } from "@/lib/listings/schema";

/** Who may act: the signed-in caller (admins included). */
export type Actor = Pick<Caller, "userId" | "isAdmin">;

function catalogSpecs(model: string) {
  const spec = gpuSpec(model);
  // The schema only admits catalog ids; this guards against a catalog edit mid-flight.
  if (!spec) throw new ApiError(400, "invalid_parameter", "Unknown GPU model", { gpuModel: ["Choose a GPU model from the list"] });
  return { vramGb: spec.vramGb, tflopsPerGpu: spec.tflops };
}

function storedFields(input: Partial<ListingInput>): Prisma.MachineUncheckedUpdateInput {
  const { pricePerGpuHour, ...rest } = input;
  return {
    ...rest,
    ...(pricePerGpuHour !== undefined ? { pricePerGpuHour: pricePerGpuHour.toString() } : {}),
    ...(input.gpuModel !== undefined ? catalogSpecs(input.gpuModel) : {}),
  };
}

export async function createListing(actor: Actor, input: ListingInput, opts: { submit?: boolean } = {}): Promise<Machine> {
  const now = new Date();
  const provider = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { reliability: true } });
  return db.machine.create({
    data: {
      ...(storedFields(input) as Prisma.MachineUncheckedCreateInput),
      providerId: actor.userId,
      providerReliability: provider.reliability,
      status: opts.submit ? "PENDING_REVIEW" : "DRAFT",
      submittedAt: opts.submit ? now : null,
      statusChanges: { create: { status: opts.submit ? "PENDING_REVIEW" : "DRAFT", at: now } },
    },
  });
}

/**
 * Loads a listing for a write by `actor`. Listings the actor may not even see answer 404, so
 * ids of other people's drafts are not confirmed; a live listing of someone else answers 403.
 */
async function loadForWrite(actor: Actor, id: string, as: "owner" | "admin"): Promise<Machine> {
  const machine = await db.machine.findUnique({ where: { id }, include: { provider: { select: { banned: true } } } });
  if (!machine) throw new ApiError(404, "not_found", "No listing with this id.");
  const { provider, ...row } = machine;
  const isOwner = row.providerId === actor.userId;
  if (as === "admin" ? actor.isAdmin : isOwner) return row;
  const publiclyVisible = row.status === "LIVE" && !provider.banned;
  if (!publiclyVisible && !actor.isAdmin && !isOwner) throw new ApiError(404, "not_found", "No listing with this id.");
  throw new ApiError(403, "forbidden", as === "admin" ? "Only admins may do this." : "Only the listing's owner may change it.");
}

/**
 * Writes `data` (and the status `to`, if given) only if the status is still `from`; a concurrent
 * change answers 409. A new status also goes into the listing's status history (utilization counts
 * its LIVE hours), in the same transaction.
 */
async function guardedUpdate(
  id: string,
  from: ListingStatus,
  data: Prisma.MachineUncheckedUpdateManyInput,
  to?: ListingStatus,
): Promise<Machine> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.machine.updateMany({ where: { id, status: from }, data: to ? { ...data, status: to } : data });
    if (count === 0) throw new ApiError(409, "conflict", "The listing changed meanwhile; reload and try again.");
    if (to && to !== from) await tx.listingStatusChange.create({ data: { machineId: id, status: to } });
    return tx.machine.findUniqueOrThrow({ where: { id } });
  });
}

export interface UpdateResult {
  listing: Machine;
  /** True when the edit changed hardware, price or description of a live or paused listing, which needs a new review. */
  sentToReview: boolean;
}

export async function updateListing(actor: Actor, id: string, patch: ListingPatch): Promise<UpdateResult> {
  const current = await loadForWrite(actor, id, "owner");
  if (!isEditable(current.status)) {
    throw new ApiError(409, "not_editable", `A ${current.status.toLowerCase()} listing cannot be edited.`);
  }
  const errors = crossFieldErrors({
    minHours: patch.minHours ?? current.minHours,
    maxHours: patch.maxHours ?? current.maxHours,
    gpuModel: patch.gpuModel ?? current.gpuModel,
    cudaVersion: patch.cudaVersion ?? current.cudaVersion,
  });
  if (Object.keys(errors).length > 0) {
    throw new ApiError(400, "invalid_parameter", `Invalid parameters: ${Object.keys(errors).join(", ")}`, errors);
  }
  const hardwareChanged = hardwareFields.some((field) => patch[field] !== undefined && patch[field] !== current[field]);
  // What a buyer pays and what the listing tells them were approved too: a near-free price (to farm
  // reliability with self-rentals) or "pay me off-platform" in the description must not skip review.
  const termsChanged =
    (patch.pricePerGpuHour !== undefined && patch.pricePerGpuHour !== baseUnitsOf(current.pricePerGpuHour)) ||
    (patch.description !== undefined && patch.description !== current.description);
  const sentToReview = (hardwareChanged || termsChanged) && (current.status === "LIVE" || current.status === "PAUSED");
  const listing = await guardedUpdate(
    id,
    current.status,
    { ...(storedFields(patch) as Prisma.MachineUncheckedUpdateManyInput), ...(sentToReview ? { submittedAt: new Date() } : {}) },
    sentToReview ? "PENDING_REVIEW" : undefined,
  );
  return { listing, sentToReview };
}

/** Owner actions (submit, withdraw, pause, resume, archive) and admin ones (approve, reject, suspend). */
export async function changeStatus(actor: Actor, id: string, change: StatusChange): Promise<Machine> {
  const transition = transitions[change.action];
  const current = await loadForWrite(actor, id, transition.by);
  const to = nextStatus(current.status, change.action);
  if (!to) {
    throw new ApiError(
      409,
      "invalid_transition",
      `Cannot ${change.action} a listing that is ${current.status}; allowed from ${transition.from.join(", ")}.`,
    );
  }
  const now = new Date();
  const data: Prisma.MachineUncheckedUpdateManyInput = {};
  if (change.action === "submit") Object.assign(data, { submittedAt: now, rejectionReason: null });
  if (change.action === "approve") Object.assign(data, { reviewedAt: now, rejectionReason: null });
  if (change.action === "reject") Object.assign(data, { reviewedAt: now, rejectionReason: change.reason });
  return guardedUpdate(id, current.status, data, to);
}

/** The admin approval used until the admin console exists (and by it afterwards). */
export function approveListing(admin: Actor, id: string): Promise<Machine> {
  return changeStatus(admin, id, { action: "approve" });
}

export function rejectListing(admin: Actor, id: string, reason: string): Promise<Machine> {
  return changeStatus(admin, id, { action: "reject", reason });
}
