import Link from "next/link";
import { env } from "@/env";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import type { AgentFlag } from "@/lib/machines/hardware";
import { ownerAgentPanel } from "@/lib/machines/server/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { revokeAgentCredential } from "../agent-actions";
import { ConnectAgent } from "./connect-agent";

/**
 * The owner's view of the machine's agent on the edit page: is it online, what it last measured and
 * flagged, its credentials (revocable), and "Connect a machine" for a new pairing code.
 */
export async function AgentPanel({ machineId, locale }: { machineId: string; locale: Locale }) {
  const [panel, t, messages] = await Promise.all([ownerAgentPanel(machineId), getTranslations("agent"), getMessages("agent")]);
  const { agent, credentials, lastSample } = panel;
  const when = (d: Date) => formatDateTime(d, locale);
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return (
    <section
      aria-labelledby="agent-panel"
      className="max-w-2xl space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
      data-testid="agent-panel"
    >
      <h2 id="agent-panel" className="text-lg font-semibold">
        {t("panelHeading")}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("panelIntro")}</p>
      {agent && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">{t("onlineNow")}</dt>
          <dd data-testid="agent-panel-status">
            {agent.onlineNow
              ? t("onlineNow")
              : agent.measured.offlineSince
                ? t("offlineSince", { time: when(agent.measured.offlineSince) })
                : t("neverSeen")}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t("uptime30d")}</dt>
          <dd>{agent.uptime30dBp === null ? "—" : t("uptimeValue", { percent: formatNumber(agent.uptime30dBp / 100, locale, one) })}</dd>
          <dt className="text-slate-600 dark:text-slate-400">{t("verified")}</dt>
          <dd>
            {t("lastReport", { time: when(agent.measured.reportedAt) })} ·{" "}
            <Link href={`/listings/${machineId}`} className="underline">
              {agent.measured.gpuCount} × {agent.measured.gpuName ?? "?"}
            </Link>
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t("host")}</dt>
          <dd>
            {agent.hostname} · {t("agentVersion")} {agent.agentVersion} · {t("paired")} {when(agent.pairedAt)}
          </dd>
          {lastSample && (
            <>
              <dt className="text-slate-600 dark:text-slate-400">{t("lastSample")}</dt>
              <dd>
                {t("lastSampleValue", {
                  util: lastSample.utilAvg === null ? "—" : formatNumber(lastSample.utilAvg, locale, one),
                  temp: lastSample.tempMaxC === null ? "—" : formatNumber(lastSample.tempMaxC, locale),
                })}
              </dd>
            </>
          )}
        </dl>
      )}
      {agent && agent.differences.length > 0 && (
        <Alert tone="warning">
          {t("differs")}{" "}
          {agent.differences
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
      {agent && agent.flags.length > 0 && (
        <Alert tone="warning">
          {t("flags")} {agent.flags.map((f) => t(`flag.${f as AgentFlag}`)).join("; ")}
        </Alert>
      )}
      {credentials.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{t("credentials")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {credentials.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2" data-testid="agent-credential">
                <span>
                  {t("credentialLine", { prefix: c.prefix, host: c.hostname, created: when(c.createdAt) })}
                  {c.lastUsedAt && <> · {t("lastUsed", { time: when(c.lastUsedAt) })}</>}
                  {c.revokedAt && <> · {t("revokedAt", { time: when(c.revokedAt) })}</>}
                </span>
                {!c.revokedAt && (
                  <form action={revokeAgentCredential}>
                    <input type="hidden" name="machineId" value={machineId} />
                    <input type="hidden" name="credentialId" value={c.id} />
                    <Button type="submit" variant="danger" size="sm" aria-label={t("revokeLabel", { prefix: c.prefix })}>
                      {t("revoke")}
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConnectAgent machineId={machineId} server={new URL(env.APP_URL).origin} messages={messages} locale={locale} />
    </section>
  );
}
