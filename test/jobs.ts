/** Builders for the training-job tests: jobs and offers made through the real server functions. */
import type { User } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { createJob } from "@/lib/jobs/server/mutations";
import { makeOffer } from "@/lib/jobs/server/offers";
import { jobInputSchema, offerInputSchema } from "@/lib/jobs/schema";
import { callerFor } from "@/test/payments";
import { createMachine, createUser } from "@/test/factories";

export const jobForm = (overrides: Record<string, unknown> = {}) => ({
  title: "Fine-tune a 7B model",
  framework: "PYTORCH",
  containerImage: "ghcr.io/acme/train:1.2",
  command: "python train.py",
  datasetUrl: "s3://acme/data/",
  outputUrl: "s3://acme/out/",
  gpuModels: ["RTX-4090"],
  minVramGb: "24",
  gpuCount: "2",
  minReliability: "50",
  regions: ["DE"],
  estimatedHours: "3",
  maxPricePerGpuHour: "2.00",
  offerDeadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  ...overrides,
});

/** A published job by a new buyer (or `buyer`). */
export async function openJob(overrides: Record<string, unknown> = {}, buyer?: User) {
  const owner = buyer ?? (await createUser());
  const job = await createJob(callerFor(owner), jobInputSchema.parse(jobForm(overrides)), { publish: true });
  return { buyer: owner, job };
}

/** A provider with a LIVE 2 x RTX 4090 machine in DE that matches jobForm(). */
export async function matchingProvider(machine: Parameters<typeof createMachine>[1] = {}, provider?: User) {
  const user = provider ?? (await createUser());
  return { provider: user, machine: await createMachine(user.id, { gpuCount: 2, ...machine }) };
}

export async function offerOn(jobId: string, p: { provider: User; machine: { id: string } }, price = "1.50") {
  return makeOffer(
    callerFor(p.provider),
    offerInputSchema.parse({
      jobId,
      machineId: p.machine.id,
      pricePerGpuHour: price,
      earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  );
}

export function noticesOf(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, params: true, href: true },
  });
}
