import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobForm } from "@/components/jobs/job-form";
import { fromBaseUnits } from "@/lib/money";
import { requirePageCaller } from "@/lib/server/auth/page-guards";
import { getJobForViewer } from "@/lib/server/jobs/queries";

export const metadata: Metadata = { title: "Edit job" };
export const dynamic = "force-dynamic";

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/jobs/${id}/edit`);
  const job = await getJobForViewer(id, caller);
  if (!job || job.viewerRole !== "buyer") notFound();
  if (job.status !== "DRAFT" && job.status !== "OPEN") {
    return (
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">This job can no longer be edited</h1>
        <p>
          It is {job.status}: jobs can be edited only until an offer is accepted. <Link href={`/jobs/${id}`} className="underline">Back to the job</Link>
        </p>
      </section>
    );
  }
  const initial = {
    title: job.title,
    description: job.description,
    framework: job.framework,
    containerImage: job.containerImage,
    command: job.command,
    datasetUrl: job.datasetUrl,
    outputUrl: job.outputUrl,
    gpuModels: job.gpuModels,
    minVramGb: String(job.minVramGb),
    gpuCount: String(job.gpuCount),
    minReliability: String(job.minReliability),
    regions: job.regions.join(", "),
    estimatedHours: String(job.estimatedHours),
    maxPricePerGpuHour: fromBaseUnits(BigInt(job.maxPricePerGpuHour)),
    offerDeadline: job.offerDeadline.toISOString().slice(0, 16),
  };
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Edit “{job.title}”</h1>
      {job.status === "OPEN" && (
        <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          The job is open. Pending offers stay while they still fit; changing the requirements declines those that no longer do, and their providers are told.
        </p>
      )}
      <JobForm id={job.id} initial={initial} isDraft={job.status === "DRAFT"} />
    </section>
  );
}
