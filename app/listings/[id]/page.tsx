import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { statusLabels } from "@/lib/listing-lifecycle";
import { fromBaseUnits } from "@/lib/money";
import { currentCaller } from "@/lib/server/auth/caller";
import { getListingForViewer, providerHistory } from "@/lib/server/listings/queries";
import { PriceCalculator } from "./_components/price-calculator";
import { RentPanel } from "./_components/rent-panel";
import { ReportButton } from "./_components/report-button";

export const metadata: Metadata = { title: "Listing" };

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

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/marketplace" className="underline">
            Marketplace
          </Link>{" "}
          / {listing.gpuModel}
        </p>
        <h1 className="text-3xl font-semibold">
          {listing.gpuCount}× {listing.gpuName}
        </h1>
        <p className="text-slate-600 dark:text-slate-300">
          {listing.city}, {listing.country} · <span className="font-semibold">${fromBaseUnits(price)}</span> per GPU-hour ·{" "}
          ${listing.pricePerTflopHour} per TFLOP-hour
        </p>
        {listing.status !== "LIVE" && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {statusLabels[listing.status]}: only the owner and admins can see this listing.
            {listing.rejectionReason && <> Reason given: {listing.rejectionReason}</>}
          </p>
        )}
      </header>

      <div className="grid gap-8 md:grid-cols-[1fr_20rem]">
        <section aria-labelledby="specs" className="space-y-6">
          <div>
            <h2 id="specs" className="mb-2 text-lg font-semibold">
              Specifications
            </h2>
            <dl>
              <Spec label="GPUs" value={`${listing.gpuCount} × ${listing.gpuName}`} />
              <Spec label="VRAM per GPU" value={`${listing.vramGb} GB`} />
              <Spec label="FP16/BF16 dense TFLOPS" value={`${listing.tflopsPerGpu} per GPU, ${listing.totalTflops} total`} />
              <Spec label="CPU cores" value={listing.cpuCores} />
              <Spec label="RAM" value={`${listing.ramGb.toLocaleString("en-US")} GB`} />
              <Spec label="Disk" value={`${listing.diskGb.toLocaleString("en-US")} GB`} />
              <Spec label="Bandwidth" value={`${listing.downloadMbps.toLocaleString("en-US")} ↓ / ${listing.uploadMbps.toLocaleString("en-US")} ↑ Mbit/s`} />
              <Spec label="CUDA" value={listing.cudaVersion ?? "none (ROCm)"} />
              <Spec label="Driver" value={listing.driverVersion} />
              <Spec label="Rental length" value={`${listing.minHours}–${listing.maxHours.toLocaleString("en-US")} hours`} />
            </dl>
          </div>
          {listing.description && <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{listing.description}</p>}
          <div>
            <h2 className="mb-2 text-lg font-semibold">Provider</h2>
            <dl>
              <Spec label="Address" value={<code className="text-xs break-all" data-testid="provider-address">{listing.provider.address}</code>} />
              <Spec label="Reliability" value={`${listing.provider.reliability} / 100`} />
              {history && (
                <>
                  <Spec label="Live listings" value={history.liveListings} />
                  <Spec label="Listings ever published" value={history.listingsEver} />
                  <Spec label="Completed rentals" value={history.completedRentals} />
                  <Spec label="Member since" value={history.memberSince.toISOString().slice(0, 10)} />
                </>
              )}
            </dl>
            <p className="mt-2 text-xs text-slate-500">
              Reliability starts at 80 and moves with completed and failed rentals until uptime monitoring exists.
            </p>
          </div>
        </section>

        <aside className="h-fit space-y-4 rounded-xl border border-slate-200 p-5 dark:border-slate-800">
          <PriceCalculator pricePerGpuHour={listing.pricePerGpuHour} gpuCount={listing.gpuCount} minHours={listing.minHours} maxHours={listing.maxHours} />
          {listing.viewerIsOwner ? (
            <Link href={`/provide/${listing.id}/edit`} className="block rounded-lg border px-4 py-2 text-center font-medium">
              Edit your listing
            </Link>
          ) : caller ? (
            <RentPanel listingId={listing.id} pricePerGpuHour={listing.pricePerGpuHour} gpuCount={listing.gpuCount} minHours={listing.minHours} maxHours={listing.maxHours} />
          ) : (
            <Link
              href={`/sign-in?next=${encodeURIComponent(`/listings/${listing.id}`)}`}
              className="block rounded-lg bg-brand-600 px-4 py-2 text-center font-medium text-white hover:bg-brand-700"
              data-testid="rent-button"
            >
              Sign in to rent
            </Link>
          )}
          {caller && !listing.viewerIsOwner && (
            <div className="space-y-2 border-t border-slate-100 pt-3 dark:border-slate-800">
              <ReportButton targetType="LISTING" targetId={listing.id} label="Report this listing" />
              <ReportButton targetType="USER" targetId={listing.provider.address} label="Report the provider" />
            </div>
          )}
        </aside>
      </div>
    </article>
  );
}
