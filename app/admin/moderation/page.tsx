import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, formatDollars, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { moderationQueue, suspendedListings } from "@/lib/admin/server/moderation";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { ActionForm } from "../_components/action-form";
import { AgentReviewNote } from "./_components/agent-review";
import { AgentWatch } from "./_components/agent-watch";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("admin"))("modTitle"), "adminModeration");
}

const ENDPOINT = "/api/admin/listings/moderation";

function cuda(v: number, none: string) {
  return v === 0 ? none : `${Math.floor(v / 10)}.${v % 10}`;
}

function formatChange(field: string, value: string | number | null, locale: Locale) {
  if (value === null) return "—";
  return field === "pricePerGpuHour" ? formatDollars(BigInt(value), locale) : String(value);
}

export default async function ModerationPage() {
  await requireAdminPage();
  const [queue, suspended, t, locale] = await Promise.all([moderationQueue(), suspendedListings(), getTranslations("admin"), getLocale()]);
  const tAgent = await getTranslations("agent");

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("modHeading")}</h1>
      {queue.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300" data-testid="queue-empty">
          {t("queueEmpty")}
        </p>
      ) : (
        <>
          <ActionForm
            id="bulk-moderation"
            endpoint={ENDPOINT}
            arrayFields={["ids"]}
            label={t("selectedListings")}
            className="flex flex-wrap items-center gap-2 text-sm"
          >
            <span>{t("withSelected")}</span>
            <Input name="reason" placeholder={t("bulkReasonPlaceholder")} aria-label={t("bulkReasonLabel")} size="sm" width="auto" />
            <Button type="submit" name="action" value="approve">
              {t("approveSelected")}
            </Button>
            <Button type="submit" name="action" value="reject" variant="danger">
              {t("rejectSelected")}
            </Button>
          </ActionForm>
          <ol className="space-y-4">
            {queue.map((item) => (
              <li key={item.id} data-testid="queue-item" data-listing-id={item.id} className={cardClass()}>
                <div className="flex flex-wrap items-start gap-4">
                  <Checkbox
                    name="ids"
                    value={item.id}
                    form="bulk-moderation"
                    aria-label={t("select", { machine: `${item.gpuCount}× ${item.gpuName}`, city: item.city })}
                    className="mt-1.5"
                  />
                  <div className="min-w-0 flex-1 space-y-1">
                    <h2 className="font-semibold">
                      <Link href={`/listings/${item.id}`} className="hover:underline">
                        {item.gpuCount}× {item.gpuName}
                      </Link>{" "}
                      <span className="font-normal text-slate-600 dark:text-slate-400">
                        {t("inPlace", { city: item.city, country: item.country })}
                      </span>
                    </h2>
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      {t("specs", {
                        vram: item.vramGb,
                        cores: item.cpuCores,
                        ram: item.ramGb,
                        disk: formatNumber(item.diskGb, locale),
                        cuda: cuda(item.cudaVersion, t("noCuda")),
                        driver: item.driverVersion,
                      })}
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold">{formatDollars(item.pricePerGpuHour, locale)}</span>
                      {t("perGpuHour")} ·{" "}
                      {item.marketMedian === null ? (
                        <span className="text-slate-500">{t("noMedian", { model: item.gpuModel })}</span>
                      ) : (
                        <span data-testid="vs-median">
                          {t("median", {
                            price: formatDollars(item.marketMedian, locale),
                            count: item.marketCount,
                            percent: `${item.vsMedianPercent !== null && item.vsMedianPercent > 0 ? "+" : ""}${item.vsMedianPercent ?? ""}`,
                          })}
                        </span>
                      )}
                    </p>
                    <p className="text-xs text-slate-500">
                      {t("providerLabel")}{" "}
                      <Link href={`/admin/users/${item.provider.id}`} className="font-mono break-all underline">
                        {item.provider.address}
                      </Link>
                      {item.provider.banned && <span className="ml-1 font-semibold text-red-700">{t("banned")}</span>} ·{" "}
                      {t("submitted", { when: formatDateTime(item.submittedAt, locale) })}
                    </p>
                    {item.changes && (
                      <div className="text-sm" data-testid="changes">
                        {item.changes.length === 0 ? (
                          <p>{t("noChanges")}</p>
                        ) : (
                          <>
                            <p className="font-medium">{t("changedSince")}</p>
                            <ul className="list-disc pl-5">
                              {item.changes.map((c) => (
                                <li key={c.field}>
                                  {c.field}: {formatChange(c.field, c.before, locale)} → {formatChange(c.field, c.after, locale)}
                                </li>
                              ))}
                            </ul>
                          </>
                        )}
                      </div>
                    )}
                    {item.agent && <AgentReviewNote agent={item.agent} t={tAgent} locale={locale} />}
                    {item.description && <p className="line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{item.description}</p>}
                  </div>
                  <ActionForm
                    endpoint={ENDPOINT}
                    hidden={{ ids: [item.id] }}
                    label={t("review", { id: item.id })}
                    className="flex w-full flex-wrap items-center gap-2 sm:w-auto"
                  >
                    <Input name="reason" placeholder={t("rejectPlaceholder")} aria-label={t("reason")} size="sm" width="auto" />
                    <Button type="submit" name="action" value="approve">
                      {t("approve")}
                    </Button>
                    <Button type="submit" name="action" value="reject" variant="danger">
                      {t("reject")}
                    </Button>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}

      <section aria-labelledby="suspended" className="space-y-3">
        <h2 id="suspended" className="text-lg font-semibold">
          {t("suspended")}
        </h2>
        {suspended.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("none")}</p>
        ) : (
          <ul className="space-y-2">
            {suspended.map((s) => (
              <li key={s.id} data-testid="suspended-item" className="flex flex-wrap items-center gap-3 text-sm">
                <Link href={`/listings/${s.id}`} className="font-medium break-all hover:underline">
                  {t("suspendedItem", { machine: `${s.gpuCount}× ${s.gpuModel}`, city: s.city, country: s.country })}
                </Link>
                <span className="break-all text-slate-500">{t("by", { address: s.provider.address })}</span>
                {s.suspensionReason && <span>{t("reasonValue", { reason: s.suspensionReason })}</span>}
                <ActionForm endpoint={ENDPOINT} hidden={{ ids: [s.id], action: "reinstate" }} label={t("reinstateLabel", { id: s.id })}>
                  <Button type="submit" variant="secondary" size="sm">
                    {t("reinstate")}
                  </Button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AgentWatch locale={locale} />
    </div>
  );
}
