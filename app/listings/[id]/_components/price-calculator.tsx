"use client";

import { useState } from "react";
import { formatDollars } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { priceForHours } from "@/lib/listings/price";
import { Input } from "@/components/ui/input";

type Props = {
  pricePerGpuHour: string;
  gpuCount: number;
  minHours: number;
  maxHours: number;
  messages: Messages["listing"];
  locale: Locale;
};

/** The cost of N hours, recomputed as the buyer types, in exact base units. */
export function PriceCalculator(props: Props) {
  const [hours, setHours] = useState(String(Math.max(props.minHours, Math.min(24, props.maxHours))));
  const result = priceForHours(BigInt(props.pricePerGpuHour), props.gpuCount, hours, props);
  const t = createTranslator(props.messages, props.locale);
  // priceForHours explains in English; the reason is re-said here from the same limits.
  const problem = !/^\d{1,6}$/.test(hours.trim())
    ? t("hoursWhole")
    : Number(hours) < props.minHours
      ? t(props.minHours === 1 ? "hoursMinOne" : "hoursMinOther", { min: props.minHours })
      : t("hoursMax", { max: props.maxHours });
  return (
    <div className="space-y-2">
      <label htmlFor="hours" className="block text-sm font-medium">
        {t("hours")}
      </label>
      <Input
        id="hours"
        inputMode="numeric"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        aria-describedby="hours-result"
        width="auto"
        className="w-32"
      />
      <p id="hours-result" aria-live="polite" className="text-sm" data-testid="price-for-hours">
        {result.ok ? (
          <>
            {t(props.gpuCount === 1 ? "gpuTimesHoursOne" : "gpuTimesHoursOther", { count: props.gpuCount, hours: result.hours })}{" "}
            <strong className="text-lg tabular-nums">{formatDollars(result.total, props.locale)}</strong>
          </>
        ) : (
          <span className="text-red-700 dark:text-red-400">{problem}</span>
        )}
      </p>
    </div>
  );
}
