import Link from "next/link";
import { gpuLabel } from "@/lib/listings/gpu-catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getTranslations } from "@/lib/i18n/server";
import { agentWatchList, type WatchedAgent } from "@/lib/machines/server/queries";

/**
 * For admins: machines whose agent went silent (the sweeper marked them offline) and agents whose
 * reports make no sense (unknown or duplicated GPUs, a wrong clock, heartbeats from GPUs never reported).
 */
export async function AgentWatch({ locale }: { locale: Locale }) {
  const [{ offline, flagged }, t] = await Promise.all([agentWatchList(), getTranslations("agent")]);
  const when = (d: Date) => formatDateTime(d, locale);
  const item = (a: WatchedAgent, detail: string, testId: string) => (
    <li key={`${testId}-${a.machineId}`} data-testid={testId} data-machine-id={a.machineId} className="text-sm">
      <Link href={`/listings/${a.machineId}`} className="font-medium break-all hover:underline">
        {t("watchItem", { machine: `${a.gpuCount}× ${gpuLabel(a.gpuModel)}`, city: a.city, host: a.hostname, address: a.providerAddress })}
      </Link>{" "}
      <span className="text-slate-600 dark:text-slate-400">{detail}</span>
    </li>
  );
  return (
    <section aria-labelledby="agent-watch" className="space-y-3">
      <h2 id="agent-watch" className="text-lg font-semibold">
        {t("watchHeading")}
      </h2>
      <h3 className="font-medium">{t("offlineHeading")}</h3>
      {offline.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("watchNone")}</p>
      ) : (
        <ul className="space-y-1">
          {offline.map((a) =>
            item(a, a.offlineSince ? t("offlineSince", { time: when(a.offlineSince) }) : t("offline"), "agent-offline-item"),
          )}
        </ul>
      )}
      <h3 className="font-medium">{t("flaggedHeading")}</h3>
      {flagged.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("watchNone")}</p>
      ) : (
        <ul className="space-y-1">
          {flagged.map((a) =>
            item(
              a,
              `${a.flags.map((f) => t(`flag.${f}`)).join("; ")}${a.lastHeartbeatAt ? ` · ${t("lastHeartbeat", { time: when(a.lastHeartbeatAt) })}` : ""}`,
              "agent-flagged-item",
            ),
          )}
        </ul>
      )}
    </section>
  );
}
