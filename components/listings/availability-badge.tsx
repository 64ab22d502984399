import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import type { PublicListing } from "@/lib/listings/listing-dto";

/**
 * Capacity now, as the marketplace row and the listing page show it: every GPU free, some of them
 * free (on a machine rented in parts), or busy with the time the current rentals end at the latest.
 */
export function AvailabilityBadge({
  listing,
  t,
  locale,
  className,
}: {
  listing: Pick<PublicListing, "gpuCount" | "availability">;
  t: Translator<Messages["marketplace"]>;
  locale: Locale;
  className?: string;
}) {
  const { gpusFree, freesAt } = listing.availability;
  const until = freesAt ? formatDateTime(new Date(freesAt), locale) : "";
  if (gpusFree === listing.gpuCount) {
    return (
      <Badge tone="success" data-testid="availability" className={className}>
        {t("availAllFree", { total: listing.gpuCount })}
      </Badge>
    );
  }
  if (gpusFree > 0) {
    return (
      <Badge tone="warning" data-testid="availability" className={className} title={t("availBusyUntil", { time: until })}>
        {t("availSomeFree", { free: gpusFree, total: listing.gpuCount })}
      </Badge>
    );
  }
  return (
    <Badge tone="neutral" data-testid="availability" className={className}>
      {t("availBusyUntil", { time: until })}
    </Badge>
  );
}
