import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { datetimeLocalFromNow, JobRequirements } from "@/components/jobs/job-summary";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { fromBaseUnits } from "@/lib/core/money";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { getJobForViewer, matchingJobsForProvider } from "@/lib/jobs/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { OfferForm } from "../_components/offer-form";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobs"))("offerTitle"), "offer");
}
export const dynamic = "force-dynamic";

export default async function MakeOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/provide/jobs/${id}`);
  const job = await getJobForViewer(id, caller);
  if (!job) notFound();
  const [matches, { symbol, decimals }, t, locale] = await Promise.all([
    matchingJobsForProvider(caller.userId),
    tokenInfo(),
    getTranslations("jobs"),
    getLocale(),
  ]);
  const match = matches.find((m) => m.job.id === job.id);
  const maxPrice = formatToken(BigInt(job.maxPricePerGpuHour), locale, symbol, decimals);
  const labels = {
    form: t("offerTitle"),
    machine: t("offerMachine"),
    price: t("offerPrice"),
    priceHint: t("offerPriceHint", { price: maxPrice }),
    start: t("offerStart"),
    note: t("offerNote"),
    send: t("sendOffer"),
  };

  return (
    <section className="space-y-6">
      <p className="text-sm text-slate-500">
        <Link href="/provide/jobs" className="underline">
          {t("matchingTitle")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("offerHeading", { title: job.title })}</h1>
      <JobRequirements job={job} symbol={symbol} decimals={decimals} />
      {job.viewerRole === "buyer" ? (
        <p>{t("ownJob")}</p>
      ) : job.status !== "OPEN" ? (
        <p>{t("notOpen", { status: job.status })}</p>
      ) : !match ? (
        <p data-testid="no-fitting-machine">
          {t("noFit")}{" "}
          <Link href="/provide" className="underline">
            {t("manageMachines")}
          </Link>
        </p>
      ) : match.myOfferId ? (
        <p>
          {t("alreadyOffered")}{" "}
          <Link href="/provide/jobs" className="underline">
            {t("seeOffers")}
          </Link>{" "}
          {t("alreadyOfferedAfter")}
        </p>
      ) : (
        <OfferForm
          jobId={job.id}
          labels={labels}
          machines={match.machines.map((m) => ({
            id: m.id,
            label: `${m.gpuCount} × ${gpuSpec(m.gpuModel)?.name ?? m.gpuModel}, ${m.vramGb} GB, ${m.country}`,
          }))}
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
