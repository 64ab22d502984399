/** Builders for integration tests: each call makes new rows with fresh random addresses, so tests never collide. */
import { getAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { db } from "@/lib/core/server/db";

export function randomAddress() {
  return getAddress(privateKeyToAccount(generatePrivateKey()).address);
}

export function createUser(data: Partial<Prisma.UserCreateInput> = {}) {
  return db.user.create({ data: { address: randomAddress(), ...data } });
}

export async function createMachine(providerId: string, data: Partial<Prisma.MachineUncheckedCreateInput> = {}) {
  const model = data.gpuModel ?? "RTX-4090";
  const spec = gpuSpec(model);
  if (!spec) throw new Error(`unknown model ${model}`);
  return db.machine.create({
    data: {
      providerId,
      gpuModel: model,
      gpuCount: 1,
      vramGb: spec.vramGb,
      tflopsPerGpu: spec.tflops,
      cpuCores: 16,
      ramGb: 64,
      diskGb: 1000,
      uploadMbps: 1000,
      downloadMbps: 1000,
      country: "DE",
      city: "Berlin",
      cudaVersion: 124,
      driverVersion: "550.127",
      pricePerGpuHour: "400000",
      status: "LIVE",
      ...data,
    },
  });
}
