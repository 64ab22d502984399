"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { translateFieldErrors } from "@/lib/i18n/validation";
import type { SshKeyView } from "@/lib/account/ssh-key-dto";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900";

/** Lists, adds and deletes the caller's saved SSH keys through /api/v1/me/ssh-keys; errors are shown per field. */
export function SshKeyManager({ initialKeys, messages, locale }: { initialKeys: SshKeyView[]; messages: Messages["account"]; locale: Locale }) {
  const t = createTranslator(messages, locale);
  const [keys, setKeys] = useState(initialKeys);
  const [label, setLabel] = useState("");
  const [publicKey, setPublicKey] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setMessage(null);
    const res = await fetch("/api/v1/me/ssh-keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ label, publicKey }) }).catch(() => null);
    setPending(false);
    if (!res) return setMessage(t("unreachable"));
    const body = await res.json();
    if (!res.ok) {
      // The API speaks English; field errors are re-said in the page's language.
      setErrors(translateFieldErrors(body.fieldErrors, locale) ?? {});
      return setMessage(body.fieldErrors ? t("needsAttention") : (body.message ?? t("saveFailed")));
    }
    setKeys((k) => [...k, body as SshKeyView]);
    setLabel("");
    setPublicKey("");
  }

  async function remove(id: string) {
    setMessage(null);
    const res = await fetch(`/api/v1/me/ssh-keys/${id}`, { method: "DELETE" }).catch(() => null);
    if (!res?.ok) return setMessage(t("deleteFailed"));
    setKeys((k) => k.filter((key) => key.id !== id));
  }

  return (
    <div className="space-y-4">
      {keys.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noKeys")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="ssh-key-list">
          {keys.map((k) => (
            <li key={k.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">{k.label}</span> <span className="font-mono text-xs text-slate-500">{k.fingerprint}</span>
              </span>
              <button type="button" onClick={() => remove(k.id)} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
                {t("deleteKey")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="space-y-3" aria-label={t("addKey")} noValidate>
        <label className="block text-sm">
          <span className="font-medium">{t("keyLabel")}</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={64} placeholder={t("keyLabelPlaceholder")} className={input} data-testid="ssh-key-label" aria-invalid={!!errors.label} />
          {errors.label && <span className="text-xs text-red-600">{errors.label.join(" ")}</span>}
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("publicKey")}</span>
          <textarea value={publicKey} onChange={(e) => setPublicKey(e.target.value)} rows={3} placeholder="ssh-ed25519 AAAA… you@laptop" className={`${input} font-mono text-xs`} data-testid="ssh-key-value" aria-invalid={!!errors.publicKey} />
          {errors.publicKey && <span className="text-xs text-red-600">{errors.publicKey.join(" ")}</span>}
        </label>
        {message && (
          <p role="alert" className="text-sm text-red-600">
            {message}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50" data-testid="ssh-key-add">
          {pending ? t("saving") : t("saveKey")}
        </button>
      </form>
    </div>
  );
}
