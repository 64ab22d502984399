import type { Metadata } from "next";
import Link from "next/link";
import { fromBaseUnits } from "@/lib/money";
import { moderationQueue, suspendedListings } from "@/lib/server/admin/moderation";
import { requireAdminPage } from "@/lib/server/auth/page-guards";
import { ActionForm } from "../_components/action-form";

export const metadata: Metadata = { title: "Moderation · Admin" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const ENDPOINT = "/api/admin/listings/moderation";

function cuda(v: number) {
  return v === 0 ? "none" : `${Math.floor(v / 10)}.${v % 10}`;
}

function formatChange(field: string, value: string | number | null) {
  if (value === null) return "—";
  return field === "pricePerGpuHour" ? `$${fromBaseUnits(BigInt(value))}` : String(value);
}

export default async function ModerationPage() {
  await requireAdminPage();
  const [queue, suspended] = await Promise.all([moderationQueue(), suspendedListings()]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Moderation queue</h1>
      {queue.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300" data-testid="queue-empty">
          Nothing is waiting for review.
        </p>
      ) : (
        <>
          <ActionForm id="bulk-moderation" endpoint={ENDPOINT} arrayFields={["ids"]} label="Selected listings" className="flex flex-wrap items-center gap-2 text-sm">
            <span>With the selected listings:</span>
            <input name="reason" placeholder="Reason (needed to reject)" aria-label="Reason for the selected listings" className={input} />
            <button type="submit" name="action" value="approve" className="rounded bg-green-700 px-3 py-1 text-white">
              Approve selected
            </button>
            <button type="submit" name="action" value="reject" className="rounded border border-red-700 px-3 py-1 text-red-700">
              Reject selected
            </button>
          </ActionForm>
          <ol className="space-y-4">
            {queue.map((item) => (
              <li key={item.id} data-testid="queue-item" data-listing-id={item.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <div className="flex flex-wrap items-start gap-4">
                  <input type="checkbox" name="ids" value={item.id} form="bulk-moderation" aria-label={`Select ${item.gpuCount}× ${item.gpuName} in ${item.city}`} className="mt-1.5" />
                  <div className="min-w-0 flex-1 space-y-1">
                    <h2 className="font-semibold">
                      <Link href={`/listings/${item.id}`} className="hover:underline">
                        {item.gpuCount}× {item.gpuName}
                      </Link>{" "}
                      <span className="font-normal text-slate-600 dark:text-slate-400">
                        in {item.city}, {item.country}
                      </span>
                    </h2>
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      {item.vramGb} GB VRAM · {item.cpuCores} cores · {item.ramGb} GB RAM · {item.diskGb.toLocaleString("en-US")} GB disk · CUDA {cuda(item.cudaVersion)} · driver {item.driverVersion}
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold">${fromBaseUnits(item.pricePerGpuHour)}</span>/GPU-h ·{" "}
                      {item.marketMedian === null ? (
                        <span className="text-slate-500">no live {item.gpuModel} listings to compare</span>
                      ) : (
                        <span data-testid="vs-median">
                          market median ${fromBaseUnits(item.marketMedian)} over {item.marketCount} live ({item.vsMedianPercent !== null && item.vsMedianPercent > 0 ? "+" : ""}
                          {item.vsMedianPercent}%)
                        </span>
                      )}
                    </p>
                    <p className="text-xs text-slate-500">
                      Provider{" "}
                      <Link href={`/admin/users/${item.provider.id}`} className="font-mono underline">
                        {item.provider.address}
                      </Link>
                      {item.provider.banned && <span className="ml-1 font-semibold text-red-700">(banned)</span>} · submitted {item.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </p>
                    {item.changes && (
                      <div className="text-sm" data-testid="changes">
                        {item.changes.length === 0 ? (
                          <p>Resubmitted with no changes since its last approval.</p>
                        ) : (
                          <>
                            <p className="font-medium">Changed since its last approval:</p>
                            <ul className="list-disc pl-5">
                              {item.changes.map((c) => (
                                <li key={c.field}>
                                  {c.field}: {formatChange(c.field, c.before)} → {formatChange(c.field, c.after)}
                                </li>
                              ))}
                            </ul>
                          </>
                        )}
                      </div>
                    )}
                    {item.description && <p className="line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{item.description}</p>}
                  </div>
                  <ActionForm endpoint={ENDPOINT} hidden={{ ids: [item.id] }} label={`Review ${item.id}`} className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
                    <input name="reason" placeholder="Reason for rejecting" aria-label="Reason" className={input} />
                    <button type="submit" name="action" value="approve" className="rounded bg-green-700 px-3 py-1 text-sm text-white">
                      Approve
                    </button>
                    <button type="submit" name="action" value="reject" className="rounded border border-red-700 px-3 py-1 text-sm text-red-700">
                      Reject
                    </button>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}

      <section aria-labelledby="suspended" className="space-y-3">
        <h2 id="suspended" className="text-lg font-semibold">
          Suspended listings
        </h2>
        {suspended.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
        ) : (
          <ul className="space-y-2">
            {suspended.map((s) => (
              <li key={s.id} data-testid="suspended-item" className="flex flex-wrap items-center gap-3 text-sm">
                <Link href={`/listings/${s.id}`} className="font-medium hover:underline">
                  {s.gpuCount}× {s.gpuModel} in {s.city}, {s.country}
                </Link>
                <span className="text-slate-500">by {s.provider.address}</span>
                {s.suspensionReason && <span>Reason: {s.suspensionReason}</span>}
                <ActionForm endpoint={ENDPOINT} hidden={{ ids: [s.id], action: "reinstate" }} label={`Reinstate ${s.id}`}>
                  <button type="submit" className="rounded border px-2 py-0.5">
                    Reinstate
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
