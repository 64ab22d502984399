"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { apiRefusal, unreachableMessage } from "@/lib/i18n/api-errors";
import type { SshKeyView } from "@/lib/account/ssh-key-dto";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField, TextField } from "@/components/ui/field";

/** Lists, adds and deletes the caller's saved SSH keys through /api/v1/me/ssh-keys; errors are shown per field. */
export function SshKeyManager({
  initialKeys,
  messages,
  locale,
}: {
  initialKeys: SshKeyView[];
  messages: Messages["account"];
  locale: Locale;
}) {
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
    const res = await fetch("/api/v1/me/ssh-keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label, publicKey }),
    }).catch(() => null);
    setPending(false);
    if (!res) return setMessage(unreachableMessage(locale));
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      // The API speaks English: its refusal is said by its code, its field errors re-said, in the page's language.
      const refusal = apiRefusal(body, locale, ["label", "publicKey"]);
      setErrors(refusal.fieldErrors);
      return setMessage(refusal.message);
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
              <Button variant="secondary" size="sm" onClick={() => remove(k.id)}>
                {t("deleteKey")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="space-y-3" aria-label={t("addKey")} noValidate>
        <TextField
          name="label"
          label={t("keyLabel")}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={64}
          placeholder={t("keyLabelPlaceholder")}
          errors={errors.label}
          data-testid="ssh-key-label"
        />
        <TextareaField
          name="publicKey"
          label={t("publicKey")}
          value={publicKey}
          onChange={(e) => setPublicKey(e.target.value)}
          rows={3}
          placeholder="ssh-ed25519 AAAA… you@laptop"
          className="font-mono text-xs"
          errors={errors.publicKey}
          data-testid="ssh-key-value"
        />
        {message && <Alert tone="error">{message}</Alert>}
        <Button type="submit" size="lg" disabled={pending} data-testid="ssh-key-add">
          {pending ? t("saving") : t("saveKey")}
        </Button>
      </form>
    </div>
  );
}
