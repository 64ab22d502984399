/**
 * The words for each notification kind, built from the parameters stored with it (a notice keeps
 * its kind and params, never text, so it can be shown in the reader's language). The texts are the
 * `notifications` namespace of lib/i18n/messages (English and German); this module picks one by
 * kind and fills it. Client-safe: the bell's dropdown and the inbox page both render through it.
 */
import { formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { notificationsDe } from "@/lib/i18n/messages/notifications-de";
import { notificationsEn } from "@/lib/i18n/messages/notifications-en";
import { interpolate } from "@/lib/i18n/translate";

export type NotificationParams = Record<string, unknown>;

// Only this namespace, in both languages: small enough for the bell's client side too.
const dictionaries = { en: notificationsEn, de: notificationsDe } satisfies Record<Locale, typeof notificationsEn>;
type Key = keyof typeof notificationsEn;

const str = (params: NotificationParams, key: string, fallback = "") => {
  const value = params[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : fallback;
};

const kinds = [
  "offer.new",
  "offer.accepted",
  "offer.declined",
  "job.funded",
  "job.completed",
  "job.disputed",
  "job.resolved",
  "machine.offline",
  "machine.review",
] as const;
const isKind = (kind: string): kind is (typeof kinds)[number] => (kinds as readonly string[]).includes(kind);
const reasons = ["requirements_changed", "job_cancelled", "job_expired", "other_offer_accepted"] as const;

/** Which words stand in for a missing job title, by kind: "your job" where the reader owns it. */
const fallbackTitle: Record<(typeof kinds)[number] | "unknown", Key> = {
  "offer.new": "yourJob",
  "offer.accepted": "aJob",
  "offer.declined": "aJob",
  "job.funded": "aJobStart",
  "job.completed": "yourJobStart",
  "job.disputed": "aJob",
  "job.resolved": "aJob",
  "machine.offline": "yourJob",
  "machine.review": "yourJob",
  unknown: "yourAccount",
};

/** The sentence for one notice in the reader's language; an unknown kind (a newer server) still says something useful. */
export function notificationMessage(kind: string, params: NotificationParams, symbol = "USDC", locale: Locale = "en"): string {
  const t = dictionaries[locale];
  const key = isKind(kind) ? kind : "unknown";
  const job = str(params, "jobTitle", t[fallbackTitle[key]]);
  const raw = str(params, "pricePerGpuHour");
  const price = /^\d{1,30}$/.test(raw) ? interpolate(t.price, locale, { price: formatToken(BigInt(raw), locale, symbol) }) : "";
  const reasonCode = str(params, "reason");
  const reason = t[(reasons as readonly string[]).includes(reasonCode) ? (`reason.${reasonCode}` as Key) : "reason.other"];
  // Machine notices name the machine as stored ("8× H100 SXM", a city): words no language changes.
  const machine = str(params, "machine", t.yourMachine);
  const city = str(params, "city");
  return interpolate(t[key], locale, {
    job,
    price,
    reason,
    machine: city ? `${machine}, ${city}` : machine,
    seconds: str(params, "seconds", "120"),
  });
}
