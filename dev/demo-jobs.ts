import "server-only";
/**
 * Demo training jobs for `npm run dev` (called by dev/demo-seed.ts inside its transaction):
 * three open jobs and a draft by the demo buyer, and one offer from a provider whose live machine
 * matches, so the board, the offers view and the bell all have something to show.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { matchMachineToJob } from "@/lib/jobs/matching";
import { toBaseUnits } from "@/lib/core/money";
import { jobHref } from "@/lib/jobs/server/access";
import { notify } from "@/lib/notifications/server/notify";

const DAY = 86_400_000;

const demoJobs = [
  {
    title: "Fine-tune Llama 3.1 8B with LoRA on support tickets",
    description: "LoRA rank 16 on 120k anonymised support conversations. Checkpoints every 500 steps to the output bucket.",
    framework: "PYTORCH",
    containerImage: "ghcr.io/idlegrid-demo/llama-lora:2.4.0-cuda12.4",
    command: "torchrun --nproc_per_node=4 train.py --config configs/lora-8b.yaml",
    datasetUrl: "s3://idlegrid-demo/support-tickets/v3/",
    outputUrl: "s3://idlegrid-demo/runs/llama-lora/",
    gpuModels: ["H100-SXM", "A100-SXM-80"],
    minVramGb: 80,
    gpuCount: 4,
    minReliability: 70,
    regions: [],
    estimatedHours: 12,
    price: "2.50",
    deadlineDays: 5,
    status: "OPEN",
  },
  {
    title: "Train a latent diffusion model in JAX",
    description: "From-scratch 400M-parameter latent diffusion on a licensed image set; data is streamed from GCS.",
    framework: "JAX",
    containerImage: "us-docker.pkg.dev/idlegrid-demo/jax/diffusion:0.4.35",
    command: "python -m diffusion.train --steps 200000",
    datasetUrl: "gs://idlegrid-demo-images/shards/",
    outputUrl: "gs://idlegrid-demo-images/checkpoints/",
    gpuModels: [],
    minVramGb: 40,
    gpuCount: 8,
    minReliability: 80,
    regions: ["US", "CA"],
    estimatedHours: 48,
    price: "1.50",
    deadlineDays: 9,
    status: "OPEN",
  },
  {
    title: "TensorFlow image classifier hyperparameter sweep",
    description: "24 trials of EfficientNet-B3 on 90k product photos; each trial fits on one GPU.",
    framework: "TENSORFLOW",
    containerImage: "tensorflow/tensorflow:2.18.0-gpu",
    command: "python sweep.py --trials 24",
    datasetUrl: "https://data.idlegrid-demo.example/products.tar",
    outputUrl: "s3://idlegrid-demo/sweeps/effnet-b3/",
    gpuModels: ["RTX-4090", "L40S", "RTX-A6000"],
    minVramGb: 24,
    gpuCount: 1,
    minReliability: 0,
    regions: ["DE", "FI", "NL", "SE"],
    estimatedHours: 6,
    price: "0.45",
    deadlineDays: 2,
    status: "OPEN",
  },
  {
    title: "Whisper fine-tune on call-centre audio",
    description: "Draft: waiting for the dataset licence.",
    framework: "PYTORCH",
    containerImage: "ghcr.io/idlegrid-demo/whisper-ft:1.0",
    command: "python finetune.py --model large-v3",
    datasetUrl: "s3://idlegrid-demo/audio/",
    outputUrl: "s3://idlegrid-demo/runs/whisper/",
    gpuModels: ["H100-SXM", "H100-PCIE", "A100-SXM-80"],
    minVramGb: 80,
    gpuCount: 1,
    minReliability: 50,
    regions: [],
    estimatedHours: 10,
    price: "2.20",
    deadlineDays: 14,
    status: "DRAFT",
  },
] as const;

export async function seedDemoJobs(tx: Prisma.TransactionClient, buyerId: string, now = new Date()): Promise<number> {
  let first: { id: string; title: string } | null = null;
  for (const [i, j] of demoJobs.entries()) {
    const price = toBaseUnits(j.price);
    const { price: _price, deadlineDays, ...fields } = j;
    void _price;
    const job = await tx.job.create({
      data: {
        ...fields,
        gpuModels: [...fields.gpuModels],
        regions: [...fields.regions],
        buyerId,
        maxPricePerGpuHour: price.toString(),
        maxBudget: (price * BigInt(j.gpuCount) * BigInt(j.estimatedHours)).toString(),
        offerDeadline: new Date(now.getTime() + deadlineDays * DAY),
        publishedAt: j.status === "OPEN" ? new Date(now.getTime() - (i + 1) * 3_600_000) : null,
      },
    });
    first ??= job;
  }
  if (!first) return demoJobs.length;

  // One offer on the first job, from whichever provider's live machine matches it.
  const requirements = { ...demoJobs[0], maxPricePerGpuHour: toBaseUnits(demoJobs[0].price) };
  const candidates = await tx.machine.findMany({
    where: { status: "LIVE", gpuModel: { in: [...demoJobs[0].gpuModels] } },
    orderBy: { pricePerGpuHour: "asc" },
  });
  const machine = candidates.find((m) => matchMachineToJob(m, requirements).ok);
  if (machine) {
    const offer = await tx.offer.create({
      data: {
        jobId: first.id,
        providerId: machine.providerId,
        machineId: machine.id,
        pricePerGpuHour: toBaseUnits("1.45").toString(),
        earliestStart: new Date(now.getTime() + DAY),
        note: "Can start tomorrow morning; NVLink between all GPUs, 10 Gbit/s to S3.",
      },
    });
    await notify(tx, {
      userId: buyerId,
      kind: "offer.new",
      params: { jobTitle: first.title, offerId: offer.id, pricePerGpuHour: offer.pricePerGpuHour.toFixed(0) },
      href: jobHref(first.id),
    });
  }
  return demoJobs.length;
}
