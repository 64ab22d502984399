"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SettingSelect } from "@/components/ui/setting-select";
import { type Locale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, locales } from "@/lib/i18n/locales";

type Labels = Record<"label" | Locale, string>;

/**
 * Stores the language in the cookie the server reads, then re-renders the server components in it
 * (router.refresh keeps client state such as the wallet connection).
 */
export function LanguageSwitcher({ locale, labels }: { locale: Locale; labels: Labels }) {
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
    <SettingSelect
      label={labels.label}
      value={value}
      onChange={(e) => choose(e.target.value as Locale)}
      aria-busy={pending || undefined}
      data-testid="language-switcher"
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {labels[l]}
        </option>
      ))}
    </SettingSelect>
  );
}
