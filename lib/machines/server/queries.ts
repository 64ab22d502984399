import "server-only";
/**
 * Reads of the agent's data for the pages: the listing page's "verified by agent" block, the owner's
 * agent panel, the moderation queue's measured-vs-declared difference and the admin watch list. The
 * difference is computed when read, from the latest measurement and the listing as it is now, so an
 * owner's edit that fixes the listing shows as fixed at once.
 */
import { db } from "@/lib/core/server/db";
import { hardwareDiff, measuredGpuName, type AgentFlag, type HardwareDifference } from "@/lib/machines/hardware";
import { listCredentials, type CredentialView } from "@/lib/machines/server/credentials";

const measuredSelect = {
  reportedAt: true,
  lastHeartbeatAt: true,
  offlineSince: true,
  gpuModel: true,
  gpuName: true,
  gpuCount: true,
  gpuMemoryMiB: true,
  driverVersion: true,
  cudaVersion: true,
  cpuModel: true,
  cpuCores: true,
  cpuThreads: true,
  memoryMiB: true,
  diskTotalBytes: true,
  dockerVersion: true,
  flags: true,
} as const;

export interface MeasuredView {
  reportedAt: Date;
  lastHeartbeatAt: Date | null;
  offlineSince: Date | null;
  /** The catalog's name when the GPUs map to one model, else what the driver reports; null with no GPU. */
  gpuName: string | null;
  gpuCount: number;
  gpuMemoryMiB: number | null;
  driverVersion: string | null;
  cudaVersion: number | null;
  cpuModel: string;
  cpuCores: number | null;
  cpuThreads: number;
  memoryMiB: number;
  diskTotalBytes: bigint | null;
  dockerVersion: string | null;
}

export interface ListingAgentView {
  onlineNow: boolean;
  uptime30dBp: number | null;
  measured: MeasuredView;
  differences: HardwareDifference[];
}

/** The agent block of a listing page; null when no agent ever reported for it. */
export async function listingAgentView(machineId: string): Promise<ListingAgentView | null> {
  const row = await db.machine.findUnique({
    where: { id: machineId },
    select: { gpuModel: true, gpuCount: true, vramGb: true, onlineNow: true, uptime30dBp: true, agent: { select: measuredSelect } },
  });
  if (!row?.agent) return null;
  const { flags, gpuModel, ...measured } = row.agent;
  void flags;
  return {
    onlineNow: row.onlineNow,
    uptime30dBp: row.uptime30dBp,
    measured: { ...measured, gpuName: measuredGpuName({ gpuModel, gpuName: measured.gpuName }) },
    differences: hardwareDiff(row, row.agent),
  };
}

export interface OwnerAgentPanel {
  agent: (ListingAgentView & { hostname: string; agentVersion: string; pairedAt: Date; flags: string[] }) | null;
  credentials: CredentialView[];
  /** The latest 5-minute sample: average and peak utilisation, peak memory in use and temperature. */
  lastSample: {
    bucket: Date;
    heartbeats: number;
    utilAvg: number | null;
    utilMax: number | null;
    memUsedMaxMiB: number | null;
    tempMaxC: number | null;
  } | null;
}

export async function ownerAgentPanel(machineId: string): Promise<OwnerAgentPanel> {
  const [view, extra, credentials, sample] = await Promise.all([
    listingAgentView(machineId),
    db.machineAgent.findUnique({ where: { machineId }, select: { hostname: true, agentVersion: true, pairedAt: true, flags: true } }),
    listCredentials(machineId),
    db.machineSample.findFirst({ where: { machineId }, orderBy: { bucket: "desc" } }),
  ]);
  return {
    agent: view && extra ? { ...view, ...extra } : null,
    credentials,
    lastSample: sample
      ? {
          bucket: sample.bucket,
          heartbeats: sample.heartbeats,
          utilAvg: sample.utilCount > 0 ? sample.utilSum / sample.utilCount : null,
          utilMax: sample.utilMax,
          memUsedMaxMiB: sample.memUsedMaxMiB,
          tempMaxC: sample.tempMaxC,
        }
      : null,
  };
}

export interface AgentSummary {
  onlineNow: boolean;
  reportedAt: Date | null;
  uptime30dBp: number | null;
  paired: boolean;
}

/** "My machines": one line of agent status per machine. */
export async function agentSummaries(machineIds: string[]): Promise<Map<string, AgentSummary>> {
  if (machineIds.length === 0) return new Map();
  const rows = await db.machine.findMany({
    where: { id: { in: machineIds } },
    select: {
      id: true,
      onlineNow: true,
      agentReportedAt: true,
      uptime30dBp: true,
      agentCredentials: { where: { revokedAt: null }, select: { id: true }, take: 1 },
    },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      { onlineNow: r.onlineNow, reportedAt: r.agentReportedAt, uptime30dBp: r.uptime30dBp, paired: r.agentCredentials.length > 0 },
    ]),
  );
}

export interface AgentReview {
  reportedAt: Date;
  measuredGpu: string | null;
  measuredCount: number;
  differences: HardwareDifference[];
  flags: string[];
}

/** For the moderation queue: what each listing's agent measured, and where it contradicts the listing. */
export async function agentReviewsFor(machineIds: string[]): Promise<Map<string, AgentReview>> {
  if (machineIds.length === 0) return new Map();
  const rows = await db.machineAgent.findMany({
    where: { machineId: { in: machineIds } },
    select: { ...measuredSelect, machineId: true, machine: { select: { gpuModel: true, gpuCount: true, vramGb: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.machineId,
      {
        reportedAt: r.reportedAt,
        measuredGpu: measuredGpuName(r),
        measuredCount: r.gpuCount,
        differences: hardwareDiff(r.machine, r),
        flags: r.flags,
      },
    ]),
  );
}

export interface WatchedAgent {
  machineId: string;
  gpuModel: string;
  gpuCount: number;
  city: string;
  status: string;
  providerAddress: string;
  hostname: string;
  offlineSince: Date | null;
  lastHeartbeatAt: Date | null;
  flags: AgentFlag[];
  flaggedAt: Date | null;
}

/** For admins: machines whose agent went silent, and agents that report nonsense (flags), most recent first. */
export async function agentWatchList(limit = 50): Promise<{ offline: WatchedAgent[]; flagged: WatchedAgent[] }> {
  const select = {
    machineId: true,
    hostname: true,
    offlineSince: true,
    lastHeartbeatAt: true,
    flags: true,
    flaggedAt: true,
    machine: { select: { gpuModel: true, gpuCount: true, city: true, status: true, provider: { select: { address: true } } } },
  } as const;
  const [offline, flagged] = await Promise.all([
    db.machineAgent.findMany({
      where: { offlineSince: { not: null }, machine: { status: { not: "ARCHIVED" } } },
      orderBy: { offlineSince: "desc" },
      take: limit,
      select,
    }),
    db.machineAgent.findMany({ where: { flaggedAt: { not: null } }, orderBy: { flaggedAt: "desc" }, take: limit, select }),
  ]);
  const shape = (r: (typeof offline)[number]): WatchedAgent => ({
    machineId: r.machineId,
    gpuModel: r.machine.gpuModel,
    gpuCount: r.machine.gpuCount,
    city: r.machine.city,
    status: r.machine.status,
    providerAddress: r.machine.provider.address,
    hostname: r.hostname,
    offlineSince: r.offlineSince,
    lastHeartbeatAt: r.lastHeartbeatAt,
    flags: r.flags as AgentFlag[],
    flaggedAt: r.flaggedAt,
  });
  return { offline: offline.map(shape), flagged: flagged.map(shape) };
}
