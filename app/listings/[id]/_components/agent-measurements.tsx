import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getTranslations } from "@/lib/i18n/server";
import { listingAgentView } from "@/lib/machines/server/queries";
import { Alert } from "@/components/ui/alert";

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-100 py-1.5 text-sm dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-right font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const gib = (bytes: bigint) => Number(bytes / 1_000_000n) / 1000;

/**
 * What the machine agent on the host measured, beside the specifications the provider declared:
 * measured values as measured (the driver's MiB, the OS's cores and bytes), never rounded into the
 * listing's figures. A listing no agent reported for says so.
 */
export async function AgentMeasurements({ listingId, locale }: { listingId: string; locale: Locale }) {
  const [view, t] = await Promise.all([listingAgentView(listingId), getTranslations("agent")]);
  const n = (value: number) => formatNumber(value, locale);
  if (!view) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="agent-not-verified">
        {t("notVerified")}
      </p>
    );
  }
  const m = view.measured;
  const status = view.onlineNow
    ? t("onlineNow")
    : m.offlineSince
      ? t("offlineSince", { time: formatDateTime(m.offlineSince, locale) })
      : m.lastHeartbeatAt
        ? t("offline")
        : t("neverSeen");
  return (
    <section aria-labelledby="agent-measured" data-testid="agent-measured">
      <h2 id="agent-measured" className="mb-1 text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-2 text-xs text-slate-500">
        {t("verified")} · {t("lastReport", { time: formatDateTime(m.reportedAt, locale) })}
      </p>
      {view.differences.length > 0 && (
        <Alert tone="warning" className="mb-2">
          {t("differs")}{" "}
          {view.differences
            .map((d) =>
              t("diffRow", {
                field: t(`field.${d.field}`),
                declared: String(d.declared),
                measured: d.measured === null ? t("notFound") : String(d.measured),
              }),
            )
            .join("; ")}
        </Alert>
      )}
      <dl>
        <Row label={t("onlineNow")} value={status} testId="agent-status" />
        <Row
          label={t("uptime30d")}
          value={
            view.uptime30dBp === null
              ? "—"
              : t("uptimeValue", {
                  percent: formatNumber(view.uptime30dBp / 100, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                })
          }
          testId="agent-uptime30d"
        />
        <Row label={t("gpus")} value={m.gpuCount === 0 ? t("none") : `${m.gpuCount} × ${m.gpuName ?? "?"}`} testId="agent-gpus" />
        {m.gpuMemoryMiB !== null && <Row label={t("gpuMemory")} value={`${n(m.gpuMemoryMiB)} MiB`} />}
        <Row label={t("driver")} value={m.driverVersion ?? t("notFound")} />
        <Row label={t("cuda")} value={m.cudaVersion === null ? t("notFound") : `${Math.floor(m.cudaVersion / 10)}.${m.cudaVersion % 10}`} />
        <Row label={t("cpu")} value={t("cpuValue", { model: m.cpuModel, threads: m.cpuThreads })} />
        <Row label={t("ram")} value={`${n(m.memoryMiB)} MiB`} />
        {m.diskTotalBytes !== null && <Row label={t("disk")} value={`${formatNumber(gib(m.diskTotalBytes), locale)} GB`} />}
        <Row label={t("docker")} value={m.dockerVersion ?? t("notFound")} />
      </dl>
    </section>
  );
}
