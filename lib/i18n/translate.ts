/**
 * A translator over one namespace of messages: `t("key", { name: value })` replaces `{name}`
 * placeholders. Numbers and bigints in params are formatted for the locale. No dependency and no
 * dictionary of its own, so client leaves can use it with just the namespace they were given.
 */
import type { Locale } from "./locales";

export type MessageParams = Record<string, string | number | bigint>;
export type Translator<D extends Record<string, string>> = (key: keyof D & string, params?: MessageParams) => string;

export function interpolate(template: string, locale: Locale, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "string" ? value : new Intl.NumberFormat(locale).format(value);
  });
}

export function createTranslator<D extends Record<string, string>>(messages: D, locale: Locale): Translator<D> {
  // A key always exists (the types say so); falling back to the key shows a gap instead of crashing.
  return (key, params) => interpolate(messages[key] ?? key, locale, params);
}
