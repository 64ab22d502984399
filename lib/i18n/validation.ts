/**
 * Field errors in the visitor's language.
 *
 * The zod schemas in lib/validations stay English: the API answers in English and the schemas are
 * shared by client, actions and routes. Forms translate at the edge: a server action passes its
 * `{ field: [messages] }` through `translateFieldErrors(errors, locale)`, which recognises each
 * English message by its template (below, one rule per message shape the schemas produce, with
 * the label and numbers as parameters) and re-says it from the `validation` namespace. English
 * passes through untouched; a message no rule knows stays English rather than disappearing.
 * lib/i18n/validation.test.ts feeds bad input to every listing field and fails if a German form
 * would show an English message, so a changed schema message is caught there.
 */
import "server-only";
import type { Locale } from "./locales";
import { messagesFor } from "./server";
import type { validationEn } from "./messages/validation-en";
import { interpolate } from "./translate";

type Key = keyof typeof validationEn;

/** The English field labels the schemas put into their messages, to their message keys. */
const labels: Record<string, Key> = {
  "GPU count": "labelGpuCount",
  "CPU cores": "labelCpuCores",
  RAM: "labelRam",
  Disk: "labelDisk",
  "Upload bandwidth": "labelUpload",
  "Download bandwidth": "labelDownload",
  Country: "labelCountry",
  City: "labelCity",
  "Driver version": "labelDriver",
  Price: "labelPrice",
  "Minimum hours": "labelMinHours",
  "Maximum hours": "labelMaxHours",
  Reason: "labelReason",
};

const number = (text: string) => Number(text.replaceAll(",", ""));

/** [pattern, key, params from the match]; templated rules before fixed messages. */
const rules: [RegExp, Key, (m: RegExpExecArray) => Record<string, string | number>][] = [
  [/^(.+) must be a whole number from ([\d,]+) to ([\d,]+)$/, "wholeNumber", (m) => ({ label: m[1]!, min: number(m[2]!), max: number(m[3]!) })],
  [/^(.+) needs at least ([\d,]+) characters$/, "minChars", (m) => ({ label: m[1]!, min: number(m[2]!) })],
  [/^(.+) must be at most ([\d,]+) characters$/, "maxChars", (m) => ({ label: m[1]!, max: number(m[2]!) })],
  [/^(.+) is required$/, "required", (m) => ({ label: m[1]! })],
];

const fixed = new Map<string, Key>(
  (
    ["gpuModel", "country", "cudaFormat", "cudaAmd", "cudaNvidia", "priceFormat", "priceRange", "hoursOrder", "description", "changeSomething"] as const
  ).map((key) => [messagesFor("en", "validation")[key], key]),
);

export function translateMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const dictionary = messagesFor(locale, "validation");
  const exact = fixed.get(message);
  if (exact) return dictionary[exact];
  for (const [pattern, key, params] of rules) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = params(match);
    const labelKey = labels[String(values.label)];
    if (!labelKey) return message;
    return interpolate(dictionary[key], locale, { ...values, label: dictionary[labelKey] });
  }
  return message;
}

export function translateFieldErrors(errors: Record<string, string[]> | undefined, locale: Locale): Record<string, string[]> | undefined {
  if (!errors) return errors;
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => translateMessage(m, locale))]));
}
