import type { Metadata } from "next";
import { JobForm } from "@/components/jobs/job-form";
import { datetimeLocalFromNow } from "@/components/jobs/job-summary";
import { requirePageCaller } from "@/lib/server/auth/page-guards";

export const metadata: Metadata = { title: "Post a training job" };

export default async function NewJobPage() {
  await requirePageCaller("/jobs/new");
  // A week ahead, to the minute, as the datetime-local input shows it (read as UTC).
  const deadline = datetimeLocalFromNow(7 * 86_400_000);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Post a training job</h1>
      <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-300">
        Describe the work and the hardware it needs. Providers whose machines fit make offers; you compare them and accept one, then pay into escrow.
        Save a draft to finish later, or publish to start taking offers.
      </p>
      <JobForm initial={{ framework: "PYTORCH", gpuCount: "1", minReliability: "0", estimatedHours: "1", offerDeadline: deadline, gpuModels: [] }} isDraft />
    </section>
  );
}
