import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import type { PublicListing } from "@/lib/listings/listing-dto";

/**
 * What the machine agent says about a listing, as the marketplace row and the listing page show it:
 * "Verified by agent" with the last report's time, "Online now" or "Offline", and the measured 30-day
 * uptime. A listing no agent ever reported for says nothing here: its hardware is as declared.
 */
export function AgentBadges({
  agent,
  t,
  locale,
  className,
}: {
  agent: PublicListing["agent"];
  t: Translator<Messages["agent"]>;
  locale: Locale;
  className?: string;
}) {
  if (!agent.verifiedAt) return null;
  return (
    <span className={`flex flex-wrap items-center gap-1.5 text-xs ${className ?? ""}`} data-testid="agent-badges">
      <Badge
        tone="brand"
        data-testid="agent-verified"
        title={t("lastReport", { time: formatDateTime(new Date(agent.verifiedAt), locale) })}
      >
        {t("verified")} · <time dateTime={agent.verifiedAt}>{formatDateTime(new Date(agent.verifiedAt), locale)}</time>
      </Badge>
      {agent.onlineNow ? (
        <Badge tone="success" data-testid="agent-online">
          ● {t("onlineNow")}
        </Badge>
      ) : (
        <Badge tone="neutral" data-testid="agent-offline">
          {t("offline")}
        </Badge>
      )}
      {agent.uptime30dPercent !== null && (
        <span className="text-slate-600 dark:text-slate-400" data-testid="agent-uptime">
          {t("uptimeShort", {
            percent: formatNumber(agent.uptime30dPercent, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          })}
        </span>
      )}
    </span>
  );
}
