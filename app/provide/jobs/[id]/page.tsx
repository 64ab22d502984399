import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { datetimeLocalFromNow, JobRequirements } from "@/components/jobs/job-summary";
import { gpuSpec } from "@/lib/gpu-catalog";
import { fromBaseUnits } from "@/lib/money";
import { requirePageCaller } from "@/lib/server/auth/page-guards";
import { getJobForViewer, matchingJobsForProvider } from "@/lib/server/jobs/queries";
import { tokenInfo } from "@/lib/server/token-info";
import { OfferForm } from "../_components/offer-form";

export const metadata: Metadata = { title: "Make an offer" };
export const dynamic = "force-dynamic";

export default async function MakeOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/provide/jobs/${id}`);
  const job = await getJobForViewer(id, caller);
  if (!job) notFound();
  const [matches, { symbol, decimals }] = await Promise.all([matchingJobsForProvider(caller.userId), tokenInfo()]);
  const match = matches.find((m) => m.job.id === job.id);
  const maxPrice = `${fromBaseUnits(BigInt(job.maxPricePerGpuHour), decimals)} ${symbol}`;

  return (
    <section className="space-y-6">
      <p className="text-sm text-slate-500">
        <Link href="/provide/jobs" className="underline">
          Matching jobs
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Offer on “{job.title}”</h1>
      <JobRequirements job={job} symbol={symbol} decimals={decimals} />
      {job.viewerRole === "buyer" ? (
        <p>This is your own job: you cannot make an offer on it.</p>
      ) : job.status !== "OPEN" ? (
        <p>This job is {job.status} and takes no offers.</p>
      ) : !match ? (
        <p data-testid="no-fitting-machine">
          None of your live machines meets this job&apos;s requirements. <Link href="/provide" className="underline">Manage your machines</Link>
        </p>
      ) : match.myOfferId ? (
        <p>
          You already have an offer on this job. <Link href="/provide/jobs" className="underline">See your offers</Link> to withdraw it and make a new one.
        </p>
      ) : (
        <OfferForm
          jobId={job.id}
          maxPrice={maxPrice}
          machines={match.machines.map((m) => ({ id: m.id, label: `${m.gpuCount} × ${gpuSpec(m.gpuModel)?.name ?? m.gpuModel}, ${m.vramGb} GB, ${m.country}` }))}
          initial={{
            machineId: match.machines[0]?.id ?? "",
            pricePerGpuHour: fromBaseUnits(BigInt(job.maxPricePerGpuHour), decimals),
            earliestStart: datetimeLocalFromNow(3_600_000),
            note: "",
          }}
        />
      )}
    </section>
  );
}
