/**
 * Translations for server components, actions and route handlers. HOW TO USE:
 *
 *   const t = await getTranslations("marketplace");      // typed keys of that namespace
 *   <h1>{t("title")}</h1>  ·  t("results", { count: 12 }) // "{count}" in the message
 *   const locale = await getLocale();                      // for lib/i18n/format.ts
 *   formatDollars(price, locale) · formatToken(units, locale, symbol, decimals) · formatDateTime(date, locale)
 *
 * Client leaves never import this module (it holds every dictionary): the server component
 * above them passes `messages={await getMessages("ns")}` and `locale`, and the leaf calls
 * `createTranslator(messages, locale)` from lib/i18n/translate.ts. New strings go into
 * messages/en.ts AND messages/de.ts (tsc fails until German has the key). Form field errors:
 * see lib/i18n/validation.ts.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { type Locale, LOCALE_COOKIE, resolveLocale } from "./locales";
import { de } from "./messages/de";
import { en, type Messages, type Namespace } from "./messages/en";
import { createTranslator, type Translator } from "./translate";

const dictionaries: Record<Locale, Messages> = { en, de };

/** The request's locale: the switcher's cookie, else Accept-Language, else English. Once per request. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
});

export function messagesFor<N extends Namespace>(locale: Locale, namespace: N): Messages[N] {
  return dictionaries[locale][namespace];
}

/** One namespace's strings for a client leaf's props: only what that leaf shows goes to the browser. */
export async function getMessages<N extends Namespace>(namespace: N): Promise<Messages[N]> {
  return messagesFor(await getLocale(), namespace);
}

export async function getTranslations<N extends Namespace>(namespace: N): Promise<Translator<Messages[N]>> {
  const locale = await getLocale();
  return createTranslator(messagesFor(locale, namespace), locale);
}
