import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobForm } from "@/app/jobs/_components/job-form";
import { fromBaseUnits } from "@/lib/core/money";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { getJobForViewer } from "@/lib/jobs/server/queries";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobForm"))("editTitle"), "jobEdit");
}
export const dynamic = "force-dynamic";

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/jobs/${id}/edit`);
  const job = await getJobForViewer(id, caller);
  if (!job || job.viewerRole !== "buyer") notFound();
  const [t, messages, locale] = await Promise.all([getTranslations("jobForm"), getMessages("jobForm"), getLocale()]);
  if (job.status !== "DRAFT" && job.status !== "OPEN") {
    return (
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("notEditable")}</h1>
        <p>
          {t("notEditableBody", { status: job.status })}{" "}
          <Link href={`/jobs/${id}`} className="underline">
            {t("backToJob")}
          </Link>
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
      <h1 className="text-2xl font-semibold">{t("editHeading", { title: job.title })}</h1>
      {job.status === "OPEN" && <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">{t("openNote")}</p>}
      <JobForm id={job.id} initial={initial} isDraft={job.status === "DRAFT"} messages={messages} locale={locale} />
    </section>
  );
}
