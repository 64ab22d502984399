import "server-only";
/**
 * Demo data for `npm run dev`: the demo accounts of the local chain as users,
 * and a realistic spread of GPU listings across models, sizes and regions.
 * Seeds only a database without users, so restarting never duplicates anything.
 */
import { getAddress } from "viem";
import { env } from "@/env";
import { isLocalChain, LOCAL_CHAIN_ID } from "@/lib/chain/chains";
import { demoAccounts } from "@/dev/demo-roster";
import { gpuSpec, type GpuModelId } from "@/lib/listings/gpu-catalog";
import { toBaseUnits } from "@/lib/core/money";
import type { ListingStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { seedDemoJobs } from "@/dev/demo-jobs";

interface Region {
  country: string;
  city: string;
}

const regions: Region[] = [
  { country: "US", city: "Ashburn" },
  { country: "US", city: "Portland" },
  { country: "US", city: "Dallas" },
  { country: "CA", city: "Montreal" },
  { country: "DE", city: "Frankfurt" },
  { country: "FI", city: "Helsinki" },
  { country: "NL", city: "Amsterdam" },
  { country: "SE", city: "Stockholm" },
  { country: "IS", city: "Reykjavik" },
  { country: "GB", city: "London" },
  { country: "SG", city: "Singapore" },
  { country: "JP", city: "Tokyo" },
];

/** [model, GPU count, price per GPU-hour in USDC] — prices in the range of 2026 community clouds. */
const fleet: [GpuModelId, number, string][] = [
  ["H100-SXM", 8, "2.19"],
  ["H100-SXM", 8, "2.39"],
  ["H100-SXM", 4, "2.49"],
  ["H100-PCIE", 1, "1.89"],
  ["H100-PCIE", 2, "1.95"],
  ["H100-NVL", 2, "2.29"],
  ["H200", 8, "3.49"],
  ["H200", 8, "3.29"],
  ["B200", 8, "4.99"],
  ["A100-SXM-80", 8, "1.29"],
  ["A100-SXM-80", 4, "1.35"],
  ["A100-PCIE-80", 1, "1.15"],
  ["A100-SXM-40", 8, "0.95"],
  ["A100-PCIE-40", 1, "0.79"],
  ["L40S", 4, "0.89"],
  ["L40S", 8, "0.85"],
  ["L40", 2, "0.69"],
  ["L4", 1, "0.39"],
  ["L4", 4, "0.37"],
  ["A40", 2, "0.44"],
  ["A10", 1, "0.36"],
  ["RTX-6000-ADA", 2, "0.79"],
  ["RTX-A6000", 4, "0.49"],
  ["RTX-A5000", 2, "0.29"],
  ["RTX-A4000", 1, "0.17"],
  ["RTX-5090", 1, "0.69"],
  ["RTX-5090", 2, "0.65"],
  ["RTX-4090", 1, "0.34"],
  ["RTX-4090", 4, "0.31"],
  ["RTX-4090", 8, "0.29"],
  ["RTX-3090", 2, "0.21"],
  ["RTX-3090", 1, "0.19"],
  ["V100-SXM-32", 8, "0.45"],
  ["T4", 1, "0.14"],
  ["MI300X", 8, "2.09"],
  ["MI250X", 4, "1.19"],
];

/** A few listings that are not live, so every state of the lifecycle shows up in the demo. */
const nonLiveStatuses: Record<number, ListingStatus> = { 5: "PENDING_REVIEW", 13: "DRAFT", 24: "PAUSED" };

function cudaFor(model: GpuModelId): { cuda: number; driver: string } {
  if (model.startsWith("MI")) return { cuda: 0, driver: "ROCm 6.3" };
  if (model === "B200" || model === "RTX-5090") return { cuda: 128, driver: "570.124" };
  if (model === "V100-SXM-32" || model === "T4") return { cuda: 122, driver: "535.183" };
  return { cuda: 124, driver: "550.127" };
}

/** Why seedDemoData will not run here, or null on the local chain. */
export function demoSeedRefusal(chainId: number): string | null {
  if (isLocalChain(chainId)) return null;
  return (
    `Refusing to seed demo data: CHAIN_ID is ${chainId}, not the local chain ${LOCAL_CHAIN_ID}. ` +
    `The demo seed makes well-known anvil test accounts (their keys are public) users and one of them an ADMIN; ` +
    `on a real chain anyone could sign in as them. Seed only a database that belongs to a local anvil chain.`
  );
}

export async function seedDemoData(chainId: number = env.CHAIN_ID): Promise<{ users: number; machines: number } | null> {
  // Before anything else, so not even an empty database of a real chain gets the demo admin.
  const refusal = demoSeedRefusal(chainId);
  if (refusal) throw new Error(refusal);
  if ((await db.user.count()) > 0) return null;
  const providerIndices = demoAccounts.filter((a) => a.role === "provider").map((a) => a.index);

  return db.$transaction(async (tx) => {
    const users = new Map<number, string>();
    for (const account of demoAccounts) {
      const user = await tx.user.create({
        data: {
          address: getAddress(account.address),
          displayName: account.label,
          roles: account.role === "admin" ? ["ADMIN"] : [],
        },
      });
      users.set(account.index, user.id);
    }

    const machines = fleet.map(([model, gpuCount, price], i) => {
      const spec = gpuSpec(model);
      if (!spec) throw new Error(`seed uses unknown GPU model ${model}`);
      const region = regions[i % regions.length] as Region;
      const { cuda, driver } = cudaFor(model);
      const providerIndex = providerIndices[i % providerIndices.length] as number;
      const big = gpuCount >= 4;
      return {
        providerId: users.get(providerIndex) as string,
        gpuModel: model,
        gpuCount,
        vramGb: spec.vramGb,
        tflopsPerGpu: spec.tflops,
        cpuCores: big ? gpuCount * 16 : 16 * gpuCount,
        ramGb: big ? gpuCount * 128 : 64 * gpuCount,
        diskGb: big ? 8000 : 2000,
        uploadMbps: big ? 10000 : 1000,
        downloadMbps: big ? 10000 : 1000,
        country: region.country,
        city: region.city,
        cudaVersion: cuda,
        driverVersion: driver,
        pricePerGpuHour: toBaseUnits(price).toString(),
        minHours: 1,
        maxHours: big ? 720 : 168,
        description: `${gpuCount}x ${spec.name} in ${region.city}. NVMe scratch, Docker and SSH access.`,
        status: nonLiveStatuses[i] ?? "LIVE",
        // Spread creation times so "newest" sorting is meaningful.
        createdAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000 * 7),
      };
    });
    const created = await tx.machine.createManyAndReturn({ data: machines, select: { id: true, status: true, createdAt: true } });
    // Each listing's status history starts with the status it was seeded in.
    await tx.listingStatusChange.createMany({ data: created.map((m) => ({ machineId: m.id, status: m.status, at: m.createdAt })) });
    const buyer = demoAccounts.find((a) => a.role === "buyer");
    if (buyer) await seedDemoJobs(tx, users.get(buyer.index) as string);
    return { users: users.size, machines: machines.length };
  });
}
