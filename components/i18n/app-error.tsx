"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { parseThemePreference, THEME_COOKIE, themeAttribute } from "@/components/theme/theme-preference";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { errorsDe } from "@/lib/i18n/messages/errors-de";
import { errorsEn } from "@/lib/i18n/messages/errors-en";

const dictionaries = { en: errorsEn, de: errorsDe } satisfies Record<Locale, typeof errorsEn>;

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
}

/**
 * The language and theme the root layout would have used. With the layout broken no server render
 * says them, so they come from the same cookies (the switchers write them from the browser) and the
 * browser's languages; the server's snapshot is English and the system theme.
 */
function useVisitorSettings(): { locale: Locale; theme: "light" | "dark" | undefined } {
  const key = useSyncExternalStore(
    () => () => {},
    () =>
      `${resolveLocale(readCookie(LOCALE_COOKIE), navigator.languages.join(","))} ${themeAttribute(parseThemePreference(readCookie(THEME_COOKIE))) ?? ""}`,
    () => "en ",
  );
  const [locale, theme] = key.split(" ") as [Locale, string];
  return { locale, theme: theme === "light" || theme === "dark" ? theme : undefined };
}

/** The whole document global-error renders when the root layout failed: no header, so a way home as well as a retry. */
export function AppError({ reset }: { reset: () => void }) {
  const { locale, theme } = useVisitorSettings();
  const t = dictionaries[locale];
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen">
        <title>{t.app}</title>
        <main role="alert" className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">{t.app}</h1>
          <p className="text-slate-600 dark:text-slate-300">{t.body}</p>
          <div className="flex flex-wrap justify-center gap-3 pt-2">
            <Button size="lg" onClick={reset}>
              {t.tryAgain}
            </Button>
            {/* Leaving the page resets this boundary (Next resets error boundaries when the path changes). */}
            <Link href="/" className={buttonClass({ variant: "secondary", size: "lg" })}>
              {t.home}
            </Link>
          </div>
        </main>
      </body>
    </html>
  );
}
