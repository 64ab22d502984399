import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, formatDecimalText, formatDollars, formatNumber } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { getListingForViewer, providerHistory } from "@/lib/listings/server/queries";
import { PriceCalculator } from "./_components/price-calculator";
import { RentPanel } from "./_components/rent-panel";
import { ReportButton } from "./_components/report-button";
import { AgentMeasurements } from "./_components/agent-measurements";
import { AvailabilityBadge } from "@/components/listings/availability-badge";
import { AgentBadges } from "@/components/machines/agent-badges";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("listing"))("title"), "listing");
}

function Spec({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-100 py-1.5 text-sm dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{value}</dd>
    </div>
  );
}

export default async function ListingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await currentCaller();
  const listing = await getListingForViewer(id, caller);
  if (!listing) notFound();
  const history = await providerHistory(listing.providerId);
  const price = BigInt(listing.pricePerGpuHour);
  const [t, tStatus, tMarket, locale, listingMessages] = await Promise.all([
    getTranslations("listing"),
    getTranslations("listingStatus"),
    getTranslations("marketplace"),
    getLocale(),
    getMessages("listing"),
  ]);
  const n = (value: number) => formatNumber(value, locale);
  const tAgent = await getTranslations("agent");

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/marketplace" className="underline">
            {tMarket("title")}
          </Link>{" "}
          / {listing.gpuModel}
        </p>
        <h1 className="text-3xl font-semibold">
          {listing.gpuCount}× {listing.gpuName}
        </h1>
        <p className="text-slate-600 dark:text-slate-300">
          {listing.city}, {listing.country} ·{" "}
          <span className="font-semibold">{t("perGpuHour", { price: formatDollars(price, locale) })}</span> ·{" "}
          {t("perTflopHour", {
            price: locale === "de" ? `${formatDecimalText(listing.pricePerTflopHour, locale)} $` : `$${listing.pricePerTflopHour}`,
          })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <AvailabilityBadge listing={listing} t={tMarket} locale={locale} />
          <AgentBadges agent={listing.agent} t={tAgent} locale={locale} />
        </div>
        {listing.status !== "LIVE" && (
          <Alert tone="warning">
            {t("hiddenNotice", { status: tStatus(listing.status) })}
            {listing.rejectionReason && <> {t("reasonGiven", { reason: listing.rejectionReason })}</>}
          </Alert>
        )}
      </header>

      <div className="grid gap-8 md:grid-cols-[1fr_20rem]">
        <section aria-labelledby="specs" className="space-y-6">
          <div>
            <h2 id="specs" className="mb-2 text-lg font-semibold">
              {t("specs")} <span className="text-sm font-normal text-slate-500">({tAgent("declared")})</span>
            </h2>
            <dl>
              <Spec label={t("gpus")} value={`${listing.gpuCount} × ${listing.gpuName}`} />
              <Spec label={t("vramPerGpu")} value={`${n(listing.vramGb)} GB`} />
              <Spec
                label={t("tflops")}
                value={t("tflopsValue", {
                  perGpu: formatDecimalText(String(listing.tflopsPerGpu), locale),
                  total: formatDecimalText(String(listing.totalTflops), locale),
                })}
              />
              <Spec label={t("cpuCores")} value={n(listing.cpuCores)} />
              <Spec label={t("ram")} value={`${n(listing.ramGb)} GB`} />
              <Spec label={t("disk")} value={`${n(listing.diskGb)} GB`} />
              <Spec label={t("bandwidth")} value={`${n(listing.downloadMbps)} ↓ / ${n(listing.uploadMbps)} ↑ Mbit/s`} />
              <Spec label={t("cuda")} value={listing.cudaVersion ?? t("noCuda")} />
              <Spec label={t("driver")} value={listing.driverVersion} />
              <Spec label={t("rentalLength")} value={t("rentalLengthValue", { min: listing.minHours, max: listing.maxHours })} />
            </dl>
          </div>
          <AgentMeasurements listingId={listing.id} locale={locale} />
          {listing.description && <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{listing.description}</p>}
          <div>
            <h2 className="mb-2 text-lg font-semibold">{t("provider")}</h2>
            <dl>
              <Spec
                label={t("address")}
                value={
                  <code className="text-xs break-all" data-testid="provider-address">
                    {listing.provider.address}
                  </code>
                }
              />
              <Spec label={t("reliability")} value={`${listing.provider.reliability} / 100`} />
              {history && (
                <>
                  <Spec label={t("liveListings")} value={n(history.liveListings)} />
                  <Spec label={t("listingsEver")} value={n(history.listingsEver)} />
                  <Spec label={t("completedRentals")} value={n(history.completedRentals)} />
                  <Spec label={t("memberSince")} value={formatDate(history.memberSince, locale)} />
                </>
              )}
            </dl>
            <p className="mt-2 text-xs text-slate-500">{t("reliabilityNote")}</p>
          </div>
        </section>

        <aside className="h-fit space-y-4 rounded-xl border border-slate-200 p-5 dark:border-slate-800">
          <PriceCalculator
            messages={listingMessages}
            locale={locale}
            pricePerGpuHour={listing.pricePerGpuHour}
            gpuCount={listing.gpuCount}
            minHours={listing.minHours}
            maxHours={listing.maxHours}
          />
          {listing.viewerIsOwner ? (
            <Link href={`/provide/${listing.id}/edit`} className={buttonClass({ variant: "secondary", size: "lg", block: true })}>
              {t("editYours")}
            </Link>
          ) : caller ? (
            <RentPanel
              messages={listingMessages}
              locale={locale}
              listingId={listing.id}
              pricePerGpuHour={listing.pricePerGpuHour}
              gpuCount={listing.gpuCount}
              splittable={listing.availability.splittable}
              minHours={listing.minHours}
              maxHours={listing.maxHours}
            />
          ) : (
            <Link
              href={`/sign-in?next=${encodeURIComponent(`/listings/${listing.id}`)}`}
              className={buttonClass({ size: "lg", block: true })}
              data-testid="rent-button"
            >
              {t("signInToRent")}
            </Link>
          )}
          {caller && !listing.viewerIsOwner && (
            <div className="space-y-2 border-t border-slate-100 pt-3 dark:border-slate-800">
              <ReportButton
                targetType="LISTING"
                targetId={listing.id}
                label={t("reportListing")}
                messages={listingMessages}
                locale={locale}
              />
              <ReportButton
                targetType="USER"
                targetId={listing.provider.address}
                label={t("reportProvider")}
                messages={listingMessages}
                locale={locale}
              />
            </div>
          )}
        </aside>
      </div>
    </article>
  );
}
