import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { isEditable } from "@/lib/listings/lifecycle";
import { fromBaseUnits } from "@/lib/core/money";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { getListingForViewer } from "@/lib/listings/server/queries";
import { MachineForm } from "../../_components/machine-form";
import { AgentPanel } from "../../_components/agent-panel";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("provide"))("editMachine"), "provideEdit");
}

export default async function EditMachinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/provide/${id}/edit`);
  const listing = await getListingForViewer(id, caller);
  // Only the owner edits here; admins act through the admin console.
  if (!listing?.viewerIsOwner) notFound();
  const [t, tStatus, messages, locale] = await Promise.all([
    getTranslations("provide"),
    getTranslations("listingStatus"),
    getMessages("provide"),
    getLocale(),
  ]);
  const initial: Record<string, string> = {
    gpuModel: listing.gpuModel,
    gpuCount: String(listing.gpuCount),
    cpuCores: String(listing.cpuCores),
    ramGb: String(listing.ramGb),
    diskGb: String(listing.diskGb),
    uploadMbps: String(listing.uploadMbps),
    downloadMbps: String(listing.downloadMbps),
    country: listing.country,
    city: listing.city,
    cudaVersion: listing.cudaVersion ?? "",
    driverVersion: listing.driverVersion,
    pricePerGpuHour: fromBaseUnits(BigInt(listing.pricePerGpuHour)),
    minHours: String(listing.minHours),
    maxHours: String(listing.maxHours),
    description: listing.description,
    splittable: listing.availability.splittable ? "1" : "0",
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t("editHeading", { machine: `${listing.gpuCount}× ${listing.gpuName}` })}{" "}
        <span className="text-base font-normal text-slate-500">({tStatus(listing.status)})</span>
      </h1>
      {listing.status === "REJECTED" && listing.rejectionReason && (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {t("rejectedNotice", { reason: listing.rejectionReason })}
        </p>
      )}
      {isEditable(listing.status) ? (
        <MachineForm id={listing.id} initial={initial} isNew={false} messages={messages} locale={locale} />
      ) : (
        <p>{t("notEditable")}</p>
      )}
      {listing.status !== "ARCHIVED" && <AgentPanel machineId={listing.id} locale={locale} />}
    </div>
  );
}
