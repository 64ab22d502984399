/**
 * The languages Idlegrid speaks and how a request picks one. The locale is not in the URL: the
 * language switcher stores it in a cookie, and a first visit without the cookie is negotiated from
 * Accept-Language. Safe for client and server.
 */
export const locales = ["en", "de"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Set by the language switcher; a year, so the choice survives until the visitor changes it. */
export const LOCALE_COOKIE = "idlegrid-locale";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"):
 * the highest q wins, ties keep header order, a region ("de-AT") counts for its language, q=0
 * means "not this one", and anything unparseable falls back to English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) if (isLocale(language)) return language;
  return defaultLocale;
}

/** The cookie wins when it names a supported locale; otherwise the browser's languages decide. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
