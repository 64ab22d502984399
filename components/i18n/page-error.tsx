"use client";

import { useSyncExternalStore } from "react";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { errorsDe } from "@/lib/i18n/messages/errors-de";
import { errorsEn } from "@/lib/i18n/messages/errors-en";
import { Button } from "@/components/ui/button";

const dictionaries = { en: errorsEn, de: errorsDe } satisfies Record<Locale, typeof errorsEn>;

/** The page's language as the server rendered it into <html lang>; the error boundary has no server to ask. */
function useDocumentLocale(): Locale {
  return useSyncExternalStore(
    () => () => {},
    () => (isLocale(document.documentElement.lang) ? document.documentElement.lang : "en"),
    () => "en",
  );
}

/** A segment's error boundary body: what failed, and a retry. */
export function PageError({
  what,
  reset,
  tone = "plain",
}: {
  what: "marketplace" | "provide" | "admin" | "page";
  reset: () => void;
  tone?: "plain" | "danger";
}) {
  const t = dictionaries[useDocumentLocale()];
  if (tone === "danger") {
    return (
      <div role="alert" className="space-y-3 rounded-md bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-200">
        <p>{t[what]}</p>
        <Button variant="secondary" onClick={reset}>
          {t.tryAgain}
        </Button>
      </div>
    );
  }
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">{t[what]}</h1>
      <p className="text-slate-600 dark:text-slate-300">{t.body}</p>
      <Button variant="secondary" onClick={reset}>
        {t.tryAgain}
      </Button>
    </div>
  );
}
