import type { Metadata } from "next";
import { JobForm } from "@/app/jobs/_components/job-form";
import { datetimeLocalFromNow } from "@/components/jobs/job-summary";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobForm"))("newTitle"), "jobNew");
}

export default async function NewJobPage() {
  await requirePageCaller("/jobs/new");
  // A week ahead, to the minute, as the datetime-local input shows it (read as UTC).
  const deadline = datetimeLocalFromNow(7 * 86_400_000);
  const [t, messages, locale] = await Promise.all([getTranslations("jobForm"), getMessages("jobForm"), getLocale()]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">{t("newIntro")}</p>
      <JobForm
        initial={{ framework: "PYTORCH", gpuCount: "1", minReliability: "0", estimatedHours: "1", offerDeadline: deadline, gpuModels: [] }}
        isDraft
        messages={messages}
        locale={locale}
      />
    </section>
  );
}
