import type { Metadata } from "next";
import Link from "next/link";
import { JobCardView } from "@/components/jobs/job-summary";
import { requirePageCaller } from "@/lib/server/auth/page-guards";
import { jobsForBuyer } from "@/lib/server/jobs/queries";
import { tokenInfo } from "@/lib/server/token-info";

export const metadata: Metadata = { title: "My jobs" };
export const dynamic = "force-dynamic";

export default async function MyJobsPage() {
  const caller = await requirePageCaller("/jobs/mine");
  const [jobs, { symbol, decimals }] = await Promise.all([jobsForBuyer(caller.userId), tokenInfo()]);
  return (
    <section className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">My jobs</h1>
        <Link href="/jobs/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Post a job
        </Link>
      </div>
      {jobs.length === 0 ? (
        <p className="text-slate-500">You have not posted a job yet.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {jobs.map((job) => (
            <li key={job.id}>
              <JobCardView job={job} symbol={symbol} decimals={decimals}>
                {job.orderStatus && <p className="text-xs text-slate-500">Order: {job.orderStatus}</p>}
              </JobCardView>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
