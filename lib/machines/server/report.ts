import "server-only";
/**
 * A hardware report (at pairing and each time `idlegrid-agent run` starts): the measured hardware is
 * stored beside the declared one, and a listing whose measurement contradicts it (GPU model, count,
 * VRAM) goes back to review, through the listing lifecycle's status history with the reason, and its
 * provider is told. The same difference does not send it back again once an admin approved it anyway.
 */
import type { Hardware } from "@/agent/protocol";
import { Prisma, type ListingStatus } from "@/lib/generated/prisma/client";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import {
  diffFromJson,
  hardwareDiff,
  measuredHardware,
  reviewReason,
  sameDiff,
  type AgentFlag,
  type HardwareDifference,
} from "@/lib/machines/hardware";
import { notify } from "@/lib/notifications/server/notify";

/** What a report can send back to review: the statuses a hardware edit by the owner also sends back (lib/listings/server/mutations.ts). */
const REVIEWABLE: readonly ListingStatus[] = ["LIVE", "PAUSED"];

export interface ReportOutcome {
  verifiedAt: Date;
  differences: HardwareDifference[];
  sentToReview: boolean;
  flags: AgentFlag[];
}

/** Runs inside the caller's transaction (pairing creates the credential in the same one). */
export async function applyReport(
  tx: Prisma.TransactionClient,
  machineId: string,
  hw: Hardware,
  now: Date,
  opts: { paired?: boolean } = {},
): Promise<ReportOutcome> {
  // Serialises reports and heartbeats of one machine, and reads the declared hardware as of now.
  const [machine] = await tx.$queryRaw<
    { status: ListingStatus; gpuModel: string; gpuCount: number; vramGb: number; providerId: string; city: string }[]
  >`
    SELECT status, "gpuModel", "gpuCount", "vramGb", "providerId", city FROM "Machine" WHERE id = ${machineId} FOR UPDATE`;
  if (!machine) throw new Error(`machine ${machineId} vanished during a report`);
  const previous = await tx.machineAgent.findUnique({ where: { machineId }, select: { reviewedDiff: true, flags: true, flaggedAt: true } });

  const { measured, flags } = measuredHardware(hw);
  if (measured.gpuUuids.length > 0) {
    // One GPU listed by two machines is a copied config or a fraud; either way an admin looks.
    const shared = await tx.machineAgent.findFirst({
      where: { machineId: { not: machineId }, gpuUuids: { hasSome: measured.gpuUuids } },
      select: { machineId: true },
    });
    if (shared && !flags.includes("duplicate_gpu")) flags.push("duplicate_gpu");
  }
  const differences = hardwareDiff(machine, measured);
  const alreadyReviewed = sameDiff(differences, diffFromJson(previous?.reviewedDiff ?? null));
  const sentToReview = differences.length > 0 && !alreadyReviewed && REVIEWABLE.includes(machine.status);

  const row = {
    ...measured,
    reportedAt: now,
    hardware: hw as Prisma.InputJsonValue,
    // Kept while it stands, so an admin's approval despite it is not undone by the next restart.
    reviewedDiff: differences.length > 0 ? (differences as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    flags,
    flaggedAt: flags.length === 0 ? null : previous?.flags.length ? previous.flaggedAt : now,
  };
  await tx.machineAgent.upsert({
    where: { machineId },
    create: { machineId, pairedAt: now, ...row },
    update: { ...row, ...(opts.paired ? { pairedAt: now } : {}) },
  });
  // Raw, so a report does not bump the listing's updatedAt (that is the owner's last edit).
  await tx.$executeRaw`UPDATE "Machine" SET "agentReportedAt" = ${now.toISOString().slice(0, 23)}::timestamp(3) WHERE id = ${machineId}`;

  if (sentToReview) {
    await tx.machine.updateMany({ where: { id: machineId, status: machine.status }, data: { status: "PENDING_REVIEW", submittedAt: now } });
    await tx.listingStatusChange.create({ data: { machineId, status: "PENDING_REVIEW", at: now, reason: reviewReason(differences) } });
    await notify(tx, {
      userId: machine.providerId,
      kind: "machine.review",
      params: { machine: `${machine.gpuCount}× ${gpuLabel(machine.gpuModel)}`, city: machine.city },
      href: `/provide/${machineId}/edit`,
    });
  }
  return { verifiedAt: now, differences, sentToReview, flags };
}
