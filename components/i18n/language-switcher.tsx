"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { type Locale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, locales } from "@/lib/i18n/locales";

type Labels = Record<"label" | Locale, string>;

/**
 * Stores the language in the cookie the server reads, then re-renders the server components in it
 * (router.refresh keeps client state such as the wallet connection).
 */
export function LanguageSwitcher({ locale, labels }: { locale: Locale; labels: Labels }) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Shown at once; the prop catches up when the refreshed server render arrives.
  const [value, setValue] = useState(locale);

  function choose(next: Locale) {
    setValue(next);
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
    document.documentElement.lang = next;
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {labels.label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => choose(e.target.value as Locale)}
        aria-busy={pending || undefined}
        data-testid="language-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {labels[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
