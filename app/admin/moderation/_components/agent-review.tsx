import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import type { AgentFlag } from "@/lib/machines/hardware";
import type { AgentReview } from "@/lib/machines/server/queries";

/** In a queue item: what the machine's agent measured, and each field where that contradicts the listing. */
export function AgentReviewNote({ agent, t, locale }: { agent: AgentReview; t: Translator<Messages["agent"]>; locale: Locale }) {
  return (
    <div className="text-sm" data-testid="agent-diff">
      <p>
        {t("measuredInQueue", {
          count: agent.measuredCount,
          gpu: agent.measuredGpu ?? t("none"),
          time: formatDateTime(agent.reportedAt, locale),
        })}
      </p>
      {agent.differences.length > 0 && (
        <>
          <p className="font-medium text-amber-800 dark:text-amber-300">{t("differs")}</p>
          <ul className="list-disc pl-5">
            {agent.differences.map((d) => (
              <li key={d.field}>
                {t("diffRow", {
                  field: t(`field.${d.field}`),
                  declared: String(d.declared),
                  measured: d.measured === null ? t("notFound") : String(d.measured),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {agent.flags.length > 0 && (
        <p className="text-amber-800 dark:text-amber-300">
          {t("flags")} {agent.flags.map((f) => t(`flag.${f as AgentFlag}`)).join("; ")}
        </p>
      )}
    </div>
  );
}
