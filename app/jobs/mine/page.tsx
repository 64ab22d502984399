import type { Metadata } from "next";
import Link from "next/link";
import { JobCardView } from "@/components/jobs/job-summary";
import { getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { jobsForBuyer } from "@/lib/jobs/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobs"))("myJobs"), "jobsMine");
}
export const dynamic = "force-dynamic";

export default async function MyJobsPage() {
  const caller = await requirePageCaller("/jobs/mine");
  const [jobs, { symbol, decimals }, t] = await Promise.all([jobsForBuyer(caller.userId), tokenInfo(), getTranslations("jobs")]);
  return (
    <section className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("myJobs")}</h1>
        <Link href="/jobs/new" className={buttonClass()}>
          {t("postJob")}
        </Link>
      </div>
      {jobs.length === 0 ? (
        <p className="text-slate-500">{t("myJobsEmpty")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {jobs.map((job) => (
            <li key={job.id}>
              <JobCardView job={job} symbol={symbol} decimals={decimals}>
                {job.orderStatus && <p className="text-xs text-slate-500">{t("orderStatus", { status: job.orderStatus })}</p>}
              </JobCardView>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
