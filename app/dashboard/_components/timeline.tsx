/** A status timeline: the steps in order, each with when it happened or "not yet". */
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

export function Timeline({
  steps,
  locale,
  label,
  notYet,
}: {
  steps: { name: string; at: Date | null }[];
  locale: Locale;
  label: string;
  notYet: string;
}) {
  return (
    <ol aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {steps.map((s) => (
        <li key={s.name} className={s.at ? "text-slate-800 dark:text-slate-200" : "text-slate-500 dark:text-slate-400"}>
          <span aria-hidden className={`mr-1 inline-block size-2 rounded-full ${s.at ? "bg-brand-600" : "border border-slate-400"}`} />
          {s.name}: {s.at ? <time dateTime={s.at.toISOString()}>{formatDateTime(s.at, locale)}</time> : notYet}
        </li>
      ))}
    </ol>
  );
}
