"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatAmount } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { rentalCost } from "@/lib/core/money";

interface Props {
  listingId: string;
  pricePerGpuHour: string;
  gpuCount: number;
  minHours: number;
  maxHours: number;
  messages: Messages["listing"];
  locale: Locale;
}

interface SavedKey {
  id: string;
  label: string;
  publicKey: string;
  fingerprint: string;
}

/** "paste" means the textarea; anything else is the id of a saved key. */
const PASTE = "paste";

/** Hours and SSH key (a saved one from /account, or pasted), then the server creates the order (and computes the amount); payment happens on the order page. */
export function RentPanel({ listingId, pricePerGpuHour, gpuCount, minHours, maxHours, messages, locale }: Props) {
  const t = createTranslator(messages, locale);
  const router = useRouter();
  const [hours, setHours] = useState(String(minHours));
  const [sshPublicKey, setSshPublicKey] = useState("");
  const [savedKeys, setSavedKeys] = useState<SavedKey[]>([]);
  const [keyChoice, setKeyChoice] = useState(PASTE);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const whole = /^\d+$/.test(hours) ? Number(hours) : NaN;
  const total = Number.isInteger(whole) && whole >= 1 ? rentalCost(BigInt(pricePerGpuHour), gpuCount, whole) : null;

  // Saved keys are a convenience: if they cannot be loaded, pasting still works.
  useEffect(() => {
    let live = true;
    fetch("/api/v1/me/ssh-keys", { cache: "no-store" })
      .then((res) => (res.ok ? res.json() : { keys: [] }))
      .then((body: { keys: SavedKey[] }) => {
        if (!live || body.keys.length === 0) return;
        setSavedKeys(body.keys);
        setKeyChoice(body.keys[0]!.id);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const chosenKey = keyChoice === PASTE ? sshPublicKey.trim() : savedKeys.find((k) => k.id === keyChoice)?.publicKey;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setMessage(null);
    const res = await fetch("/api/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ listingId, hours: Number.isNaN(whole) ? hours : whole, sshPublicKey: chosenKey || undefined }),
    }).catch(() => null);
    if (!res) {
      setPending(false);
      setMessage(t("unreachable"));
      return;
    }
    const body = await res.json();
    if (!res.ok) {
      setPending(false);
      // The API speaks English: field errors are re-said in the page's language, known refusals by their code.
      setErrors(translateFieldErrors(body.fieldErrors, locale) ?? {});
      const code = `error.${body.error}`;
      setMessage(body.fieldErrors ? t("needsAttention") : code in messages ? t(code as keyof typeof messages) : (body.message ?? t("orderFailed")));
      return;
    }
    router.push(`/orders/${body.id}`);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("rentForm")} noValidate>
      <label className="block text-sm">
        <span className="font-medium">{t("hours")}</span>
        <input
          type="number"
          min={minHours}
          max={maxHours}
          step={1}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          data-testid="rent-hours"
          aria-invalid={!!errors.hours}
        />
        {errors.hours && <span className="text-xs text-red-600">{errors.hours.join(" ")}</span>}
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("sshKey")}</span>
        {savedKeys.length > 0 && (
          <select
            value={keyChoice}
            onChange={(e) => setKeyChoice(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
            data-testid="rent-ssh-key-choice"
          >
            {savedKeys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label} ({k.fingerprint.slice(0, 19)}…)
              </option>
            ))}
            <option value={PASTE}>{t("pasteAnother")}</option>
          </select>
        )}
        {keyChoice === PASTE && (
        <textarea
          value={sshPublicKey}
          onChange={(e) => setSshPublicKey(e.target.value)}
          rows={3}
          placeholder="ssh-ed25519 AAAA… you@laptop"
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          data-testid="rent-ssh-key"
          aria-invalid={!!errors.sshPublicKey}
        />
        )}
        {errors.sshPublicKey && <span className="text-xs text-red-600">{errors.sshPublicKey.join(" ")}</span>}
      </label>
      <p className="text-sm">
        {t("total")} <span className="font-semibold tabular-nums" data-testid="rent-total">{total === null ? "—" : formatAmount(total, locale)}</span>
      </p>
      {message && (
        <p role="alert" className="text-sm text-red-600">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50" data-testid="rent-button">
        {pending ? t("creating") : t("rent")}
      </button>
    </form>
  );
}
