import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobRequirements, JobStatusBadge } from "@/components/jobs/job-summary";
import { formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { Notice } from "@/components/jobs/notices";
import { env } from "@/env";
import { chainById } from "@/lib/chain/chains";
import { currentCaller } from "@/lib/auth/server/caller";
import { getJobForViewer, offersForJob, progressNotes } from "@/lib/jobs/server/queries";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { cancelJobAction, publishJobAction } from "../actions";
import { JobTimeline } from "./_components/job-timeline";
import { OfferComparison } from "./_components/offer-comparison";
import { ProviderJobActions } from "./_components/provider-job-actions";
import { Button, buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("jobs"))("jobTitle"), "job");
}
export const dynamic = "force-dynamic";

const afterAcceptance = ["ACCEPTED", "FUNDED", "RUNNING", "COMPLETED", "PAID", "DISPUTED", "RESOLVED", "REFUNDED"];

export default async function JobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const [{ id }, { notice }, caller] = await Promise.all([params, searchParams, currentCaller()]);
  const job = await getJobForViewer(id, caller);
  if (!job) notFound();
  const offers = await offersForJob(job.id, caller);
  const notes = await progressNotes(job.id, caller);
  const [{ symbol, decimals }, t, locale] = await Promise.all([tokenInfo(), getTranslations("jobs"), getLocale()]);
  const amount = (units: string | bigint) => formatToken(BigInt(units), locale, symbol, decimals);
  const role = job.viewerRole;
  const isBuyer = role === "buyer";
  const editable = isBuyer && (job.status === "DRAFT" || job.status === "OPEN");
  const cancellable = editable || (isBuyer && job.status === "ACCEPTED" && job.order?.status === "PENDING_PAYMENT");
  const explorer = chainById(env.CHAIN_ID)?.blockExplorers?.default.url;
  const myOffer = !isBuyer && offers?.offers.find((o) => o.status === "PENDING" || o.status === "ACCEPTED");

  return (
    <article className="space-y-6">
      <Notice code={notice} />
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/jobs" className="underline">
            {t("title")}
          </Link>
          {role && ` · ${t("youAre", { role: t(`role.${role}`) })}`}
        </p>
        <h1 className="text-2xl font-semibold">{job.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <JobStatusBadge status={job.status} />
          <span data-testid="offer-count">
            {t(job.offerCount === 1 ? "pendingOffersOne" : "pendingOffersOther", { count: job.offerCount })}
          </span>
        </p>
      </header>

      {(editable || cancellable) && (
        <div className="flex flex-wrap gap-2">
          {job.status === "DRAFT" && (
            <form action={publishJobAction}>
              <input type="hidden" name="jobId" value={job.id} />
              <Button type="submit" data-testid="publish-job">
                {t("publish")}
              </Button>
            </form>
          )}
          {editable && (
            <Link href={`/jobs/${job.id}/edit`} className={buttonClass({ variant: "secondary" })} data-testid="edit-job">
              {t("edit")}
            </Link>
          )}
          {cancellable && (
            <form action={cancelJobAction}>
              <input type="hidden" name="jobId" value={job.id} />
              <Button type="submit" variant="secondary" data-testid="cancel-job">
                {t("cancelJob")}
              </Button>
            </form>
          )}
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="requirements" className="space-y-2">
          <h2 id="requirements" className="font-semibold">
            {t("requirements")}
          </h2>
          <JobRequirements job={job} symbol={symbol} decimals={decimals} />
        </section>
        <section aria-labelledby="work" className="space-y-2">
          <h2 id="work" className="font-semibold">
            {t("work")}
          </h2>
          {job.description && <p className="text-sm whitespace-pre-line">{job.description}</p>}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("image")}</dt>
            <dd className="font-mono text-xs break-all">{job.containerImage}</dd>
            <dt className="text-slate-500">{t("command")}</dt>
            <dd className="font-mono text-xs break-all">{job.command}</dd>
            <dt className="text-slate-500">{t("dataset")}</dt>
            <dd className="font-mono text-xs break-all">{job.datasetUrl}</dd>
            <dt className="text-slate-500">{t("output")}</dt>
            <dd className="font-mono text-xs break-all">{job.outputUrl}</dd>
          </dl>
        </section>
      </div>

      {job.order && (
        <section
          aria-labelledby="payment"
          className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          data-testid="job-order"
        >
          <h2 id="payment" className="font-semibold">
            {t("payment")}
          </h2>
          <p className="text-sm">
            {t("throughEscrow", { amount: amount(job.order.amount) })}{" "}
            <span className="font-mono" data-testid="job-order-status">
              {job.order.status}
            </span>
          </p>
          {isBuyer && job.order.status === "PENDING_PAYMENT" && (
            <Link href={`/orders/${job.order.id}`} className={buttonClass()} data-testid="pay-job">
              {t("payIntoEscrow")}
            </Link>
          )}
          {job.order.status !== "PENDING_PAYMENT" && (
            <p className="text-sm">
              {isBuyer ? t("buyerNext") : t("providerNext")}{" "}
              <Link href={`/orders/${job.order.id}`} className="underline" data-testid="job-order-link">
                {t("orderPage")}
              </Link>
              .
            </p>
          )}
        </section>
      )}

      {afterAcceptance.includes(job.status) && role && (
        <JobTimeline status={job.status} notes={notes} resultUrl={job.resultUrl} resultSha256={job.resultSha256} />
      )}

      {role === "provider" && job.order && (
        <ProviderJobActions
          jobId={job.id}
          status={job.status}
          chainId={env.CHAIN_ID}
          providerAddress={job.order.providerAddress}
          confirmations={env.INDEXER_CONFIRMATIONS}
          explorerUrl={explorer}
          labels={{
            yourWork: t("run.yourWork"),
            fundedHint: t("run.fundedHint"),
            startJob: t("run.startJob"),
            progressForm: t("run.progressForm"),
            progressNote: t("run.progressNote"),
            postNote: t("run.postNote"),
            completeForm: t("run.completeForm"),
            resultUrl: t("run.resultUrl"),
            resultHint: t("run.resultHint"),
            sha: t("run.sha"),
            shaHint: t("run.shaHint"),
            nothingToDo: t("run.nothingToDo"),
          }}
        />
      )}

      {(isBuyer || role === "admin") && offers && (
        <section aria-labelledby="offers" className="space-y-3">
          <h2 id="offers" className="font-semibold">
            {t("offers")}
          </h2>
          <OfferComparison
            jobId={job.id}
            offers={offers.offers}
            canAccept={isBuyer && job.status === "OPEN"}
            symbol={symbol}
            decimals={decimals}
          />
        </section>
      )}

      {!isBuyer && role !== "admin" && job.status === "OPEN" && (
        <p className="text-sm" data-testid="offer-cta">
          {myOffer ? <>{t("youOffered", { amount: amount(myOffer.total), status: myOffer.status })} </> : <>{t("machineFits")} </>}
          <Link
            href={caller ? `/provide/jobs/${job.id}` : `/sign-in?next=${encodeURIComponent(`/provide/jobs/${job.id}`)}`}
            className="underline"
            data-testid="make-offer-link"
          >
            {myOffer ? t("manageOffers") : t("makeOffer")}
          </Link>
        </p>
      )}
    </article>
  );
}
