/**
 * Field errors in the visitor's language.
 *
 * The zod schemas in the domains' schema.ts files stay English: the API answers in English and the schemas are
 * shared by client, actions and routes. Forms translate at the edge, keyed by field:
 * - a server action passes its `{ field: [messages] }` through `translateFieldErrors(errors, locale)`;
 * - a client form that posts to the API does the same with the `fieldErrors` it gets back (this
 *   module holds only the small `validation` namespace, so it is cheap in a client bundle).
 * Each English message is recognised by its template (the rules below, one per message shape the
 * schemas produce, with the label and numbers as parameters) and re-said from the `validation`
 * namespace. English passes through untouched; a message no rule knows stays English rather than
 * disappearing. lib/i18n/validation.test.ts feeds bad input to the schemas and fails if a German
 * form would show an English message, so a changed schema message is caught there.
 */
import type { Locale } from "./locales";
import { validationDe } from "./messages/validation-de";
import { validationEn } from "./messages/validation-en";
import { interpolate } from "./translate";

type Key = keyof typeof validationEn;
const dictionaries: Record<Locale, typeof validationEn> = { en: validationEn, de: validationDe };

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
  Title: "labelTitle",
  Description: "labelDescription",
  Command: "labelCommand",
  "Dataset location": "labelDataset",
  "Result location": "labelResult",
  "SHA-256 checksum": "labelSha",
  "Output location": "labelOutput",
  "Container image": "labelImage",
  "GPU models": "labelGpuModels",
  Regions: "labelRegions",
  "Minimum VRAM": "labelMinVram",
  "Minimum reliability": "labelMinReliability",
  "Estimated hours": "labelEstimatedHours",
  "Offer deadline": "labelDeadline",
  "Earliest start": "labelEarliestStart",
  Note: "labelNote",
};

const number = (text: string) => Number(text.replaceAll(",", ""));

type Rule = [RegExp, Key, (m: RegExpExecArray) => Record<string, string | number>];

/** Messages that name their field ("City is required"): the label is translated too. */
const labelled: Rule[] = [
  [
    /^(.+) must be a whole number from ([\d,]+) to ([\d,]+)$/,
    "wholeNumber",
    (m) => ({ label: m[1]!, min: number(m[2]!), max: number(m[3]!) }),
  ],
  [/^(.+) needs at least ([\d,]+) characters$/, "minChars", (m) => ({ label: m[1]!, min: number(m[2]!) })],
  [/^(.+) must be at most ([\d,]+) characters$/, "maxChars", (m) => ({ label: m[1]!, max: number(m[2]!) })],
  [
    /^(.+) must be an http\(s\), s3:\/\/ or gs:\/\/ URL like s3:\/\/bucket\/path \(no credentials in it\)$/,
    "dataUrl",
    (m) => ({ label: m[1]! }),
  ],
  [/^(.+) must be a list$/, "notList", (m) => ({ label: m[1]! })],
  [/^(.+) may name at most 40 entries$/, "tooManyEntries", (m) => ({ label: m[1]! })],
  [/^(.+) is not a valid date$/, "notDate", (m) => ({ label: m[1]! })],
  [/^(.+) must be a date and time like 2026-12-01T09:30Z$/, "dateFormat", (m) => ({ label: m[1]! })],
  [/^(.+) is required$/, "required", (m) => ({ label: m[1]! })],
];

/** Phrases shown under a field that they do not name ("must be at least 1"). */
const bare: Rule[] = [
  [/^must be at most ([\d,]+) characters$/, "bareMaxChars", (m) => ({ max: number(m[1]!) })],
  [/^must be at least ([\d,]+)$/, "bareAtLeast", (m) => ({ min: number(m[1]!) })],
  [/^must be at most ([\d,]+)$/, "bareAtMost", (m) => ({ max: number(m[1]!) })],
  [/^must be between ([\d,]+) and ([\d,]+) for this listing$/, "bareBetween", (m) => ({ min: number(m[1]!), max: number(m[2]!) })],
  [/^must be one OpenSSH public key line of type (.+), e\.g\. (.+)$/, "bareKeyLine", (m) => ({ types: m[1]!, example: m[2]! })],
  [/^must be one OpenSSH public key line, e\.g\. (.+)$/, "bareKeyLineAny", (m) => ({ example: m[1]! })],
  [/^has a key body that is not a (\S+) key \(truncated or mislabelled\?\)$/, "bareKeyWrongType", (m) => ({ type: m[1]! })],
  [/^Choose GPU models from the list \(not (.+)\)$/, "gpuModels", (m) => ({ bad: m[1]! })],
  [/^Regions must be two-letter country codes like DE \(not (.+)\)$/, "regions", (m) => ({ bad: m[1]! })],
  [/^Offer deadline must be within (\d+) days$/, "deadlineFar", (m) => ({ days: number(m[1]!) })],
  [
    /^None of the chosen GPU models has (\d+) GB of VRAM \(the most is (\d+) GB\)$/,
    "vramUnreachable",
    (m) => ({ vram: number(m[1]!), best: number(m[2]!) }),
  ],
  [/^has a malformed (\S+) key body$/, "bareKeyMalformed", (m) => ({ type: m[1]! })],
  [/^its host (\S+) does not resolve$/, "urlUnresolved", (m) => ({ host: m[1]! })],
  [/^its host resolves to (\S+), which is not a public address$/, "urlResolvesPrivate", (m) => ({ address: m[1]! })],
];

/** URL parameter reasons ("minGpus must be a whole number"): the parameter's name stays, it is what the URL says. */
const paramRules: Rule[] = [
  [/^(\w+) must be a whole number$/, "paramWhole", (m) => ({ param: m[1]! })],
  [/^(\w+) must be between ([\d,]+) and ([\d,]+)$/, "paramBetween", (m) => ({ param: m[1]!, min: number(m[2]!), max: number(m[3]!) })],
  [/^(\w+) must be a positive amount like 250 or 99\.50$/, "paramAmount", (m) => ({ param: m[1]! })],
  [/^must be one of (.+)$/, "bareOneOf", (m) => ({ values: m[1]! })],
  [/^unknown GPU model (.+)$/, "bareUnknownGpu", (m) => ({ models: m[1]! })],
];

const fixedKeys = [
  "gpuModel",
  "country",
  "cudaFormat",
  "cudaAmd",
  "cudaNvidia",
  "priceFormat",
  "priceRange",
  "hoursOrder",
  "description",
  "changeSomething",
  "bareRequired",
  "bareHost",
  "barePort",
  "barePortRange",
  "bareUnixUser",
  "bareHttpUrl",
  "shaFormat",
  "bareWholeHours",
  "bareControlChars",
  "bareKeyTooLong",
  "bareKeyBase64",
  "bareRsaShort",
  "bareRsaLong",
  "reportCategory",
  "reportNoteShort",
  "reportNoteMissing",
  "reportNoteLong",
  "statementMissing",
  "statementShort",
  "statementLong",
  "image",
  "framework",
  "deadlinePast",
  "chooseMachine",
  "startPast",
  "budgetOrder",
  "bareCuda",
  "barePrice",
  "bareCountryCode",
  "bareOnce",
  "bareCursor",
  "bareWholeDays",
  "bareHttpsUrl",
  "bareHttpsOrLocal",
  "bareUrlCredentials",
  "bareUrlFragment",
  "bareUrlLocalhost",
  "bareUrlPrivate",
] as const satisfies readonly Key[];
const fixed = new Map<string, Key>(fixedKeys.map((key) => [validationEn[key], key]));

export function translateMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const dictionary = dictionaries[locale];
  const exact = fixed.get(message);
  if (exact) return dictionary[exact];
  for (const [pattern, key, params] of [...bare, ...paramRules]) {
    const match = pattern.exec(message);
    if (match) return interpolate(dictionary[key], locale, params(match));
  }
  for (const [pattern, key, params] of labelled) {
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
