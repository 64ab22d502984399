/**
 * The words for each notification kind, built from the parameters stored with it (a notice keeps
 * its kind and params, never text, so it can be shown in the reader's language). Every message
 * lives here and nowhere else, so translating the inbox means translating this one table.
 * Client-safe: the bell's dropdown and the inbox page both render through it.
 */
import { fromBaseUnits } from "@/lib/money";

export type NotificationParams = Record<string, unknown>;

const str = (params: NotificationParams, key: string, fallback = "") => {
  const value = params[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : fallback;
};

const declineReasons: Record<string, string> = {
  requirements_changed: "the buyer changed the job's requirements and your machine no longer fits",
  job_cancelled: "the buyer cancelled the job",
  job_expired: "the job's offer deadline passed",
  other_offer_accepted: "the buyer accepted another offer",
};

function price(params: NotificationParams, symbol: string): string {
  const raw = str(params, "pricePerGpuHour");
  return /^\d{1,30}$/.test(raw) ? ` at ${fromBaseUnits(BigInt(raw))} ${symbol} per GPU-hour` : "";
}

const templates: Record<string, (p: NotificationParams, symbol: string) => string> = {
  "offer.new": (p, symbol) => `New offer on “${str(p, "jobTitle", "your job")}”${price(p, symbol)}.`,
  "offer.accepted": (p) => `Your offer on “${str(p, "jobTitle", "a job")}” was accepted. The buyer pays into escrow next.`,
  "offer.declined": (p) => `Your offer on “${str(p, "jobTitle", "a job")}” was declined: ${declineReasons[str(p, "reason")] ?? "the buyer chose otherwise"}.`,
  "job.funded": (p) => `“${str(p, "jobTitle", "A job")}” is funded: the payment is in escrow and you can start.`,
  "job.completed": (p) => `“${str(p, "jobTitle", "Your job")}” is complete: check the result and release the payment.`,
  "job.disputed": (p) => `A dispute was opened on “${str(p, "jobTitle", "a job")}”.`,
  "job.resolved": (p) => `The dispute on “${str(p, "jobTitle", "a job")}” was resolved.`,
};

/** The sentence for one notice; an unknown kind (a newer server) still says something useful. */
export function notificationMessage(kind: string, params: NotificationParams, symbol = "USDC"): string {
  const template = templates[kind];
  return template ? template(params, symbol) : `Update on “${str(params, "jobTitle", "your account")}”.`;
}
