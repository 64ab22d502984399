"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatAmount } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { apiRefusal, unreachableMessage } from "@/lib/i18n/api-errors";
import { rentalCost } from "@/lib/core/money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

interface Props {
  listingId: string;
  pricePerGpuHour: string;
  gpuCount: number;
  /** Whether the listing rents in parts: then the buyer picks how many GPUs. */
  splittable: boolean;
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
export function RentPanel({ listingId, pricePerGpuHour, gpuCount, splittable, minHours, maxHours, messages, locale }: Props) {
  const t = createTranslator(messages, locale);
  const router = useRouter();
  const [hours, setHours] = useState(String(minHours));
  const [gpus, setGpus] = useState(String(gpuCount));
  const [sshPublicKey, setSshPublicKey] = useState("");
  const [savedKeys, setSavedKeys] = useState<SavedKey[]>([]);
  const [keyChoice, setKeyChoice] = useState(PASTE);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const whole = /^\d+$/.test(hours) ? Number(hours) : NaN;
  const gpuChoice = splittable && /^\d+$/.test(gpus) ? Number(gpus) : gpuCount;
  const total = Number.isInteger(whole) && whole >= 1 && gpuChoice >= 1 ? rentalCost(BigInt(pricePerGpuHour), gpuChoice, whole) : null;

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
      body: JSON.stringify({
        listingId,
        hours: Number.isNaN(whole) ? hours : whole,
        gpus: splittable ? gpuChoice : undefined,
        sshPublicKey: chosenKey || undefined,
      }),
    }).catch(() => null);
    if (!res) {
      setPending(false);
      setMessage(unreachableMessage(locale));
      return;
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      setPending(false);
      // The API speaks English: its refusal is said by its code, its field errors re-said, in the page's language.
      const refusal = apiRefusal(body, locale, ["hours", "gpus", "sshPublicKey"]);
      setErrors(refusal.fieldErrors);
      setMessage(refusal.message);
      return;
    }
    router.push(`/orders/${body.id}`);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("rentForm")} noValidate>
      <Field id="rent-hours" name="hours" label={t("hours")} errors={errors.hours}>
        {(control) => (
          <Input
            type="number"
            min={minHours}
            max={maxHours}
            step={1}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            data-testid="rent-hours"
            {...control}
          />
        )}
      </Field>
      {splittable && (
        <Field id="rent-gpus" name="gpus" label={t("rentGpus")} errors={errors.gpus}>
          {(control) => (
            <Input
              type="number"
              min={1}
              max={gpuCount}
              step={1}
              value={gpus}
              onChange={(e) => setGpus(e.target.value)}
              data-testid="rent-gpus"
              {...control}
            />
          )}
        </Field>
      )}
      {/* The label names the control in use: the saved-key choice, or the textarea when pasting (the choice then keeps its own name). */}
      <Field
        id={keyChoice === PASTE ? "rent-ssh-key" : "rent-ssh-key-choice"}
        name="sshPublicKey"
        label={t("sshKey")}
        errors={errors.sshPublicKey}
      >
        {(control) => (
          <>
            {savedKeys.length > 0 && (
              <Select
                value={keyChoice}
                onChange={(e) => setKeyChoice(e.target.value)}
                aria-label={t("sshKey")}
                data-testid="rent-ssh-key-choice"
                {...(keyChoice === PASTE ? {} : control)}
              >
                {savedKeys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label} ({k.fingerprint.slice(0, 19)}…)
                  </option>
                ))}
                <option value={PASTE}>{t("pasteAnother")}</option>
              </Select>
            )}
            {keyChoice === PASTE && (
              <Textarea
                value={sshPublicKey}
                onChange={(e) => setSshPublicKey(e.target.value)}
                rows={3}
                placeholder="ssh-ed25519 AAAA… you@laptop"
                className="font-mono text-xs"
                data-testid="rent-ssh-key"
                {...control}
              />
            )}
          </>
        )}
      </Field>
      <p className="text-sm">
        {t("total")}{" "}
        <span className="font-semibold tabular-nums" data-testid="rent-total">
          {total === null ? "—" : formatAmount(total, locale)}
        </span>
      </p>
      {message && <Alert tone="error">{message}</Alert>}
      <Button type="submit" size="lg" disabled={pending} className="w-full" data-testid="rent-button">
        {pending ? t("creating") : t("rent")}
      </Button>
    </form>
  );
}
