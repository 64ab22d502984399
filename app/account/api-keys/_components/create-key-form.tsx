"use client";
/** Name, scopes and expiry of a new API key; after it is created, the secret is shown here once. */
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, SelectField, TextField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { apiKeyScopes, expiryChoices } from "@/lib/apikeys/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { createKeyAction, type CreateKeyState } from "../actions";

const scopeLabel = { read: "scopeRead", orders: "scopeOrders", listings: "scopeListings", jobs: "scopeJobs", agent: "scopeAgent" } as const;

export function CreateKeyForm({ messages, locale }: { messages: Messages["apiKeys"]; locale: Locale }) {
  const t = createTranslator(messages, locale);
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createKeyAction, { attempt: 0 });
  const values = state.values ?? { name: "", scopes: ["read"], expiresInDays: "90" };
  const chosen = new Set([values.scopes ?? []].flat());
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {state.created && (
        <Alert tone="success" data-testid="api-key-created">
          <p className="font-medium">{t("createdTitle")}</p>
          <p className="text-sm">{t("createdBody")}</p>
          <Input
            readOnly
            value={state.created.secret}
            aria-label={t("createdTitle")}
            className="mt-2 font-mono text-xs"
            data-testid="api-key-secret"
            onFocus={(e) => e.currentTarget.select()}
          />
        </Alert>
      )}
      <form key={state.attempt} action={action} className="max-w-xl space-y-4" noValidate aria-label={t("create")}>
        {state.error && (
          <Alert tone="error" data-testid="form-error">
            {state.error}
          </Alert>
        )}
        <TextField
          name="name"
          label={t("name")}
          defaultValue={String(values.name ?? "")}
          maxLength={64}
          placeholder={t("namePlaceholder")}
          errors={errors.name}
          data-testid="api-key-name"
        />
        <fieldset className="space-y-1" aria-describedby="scopes-hint">
          <legend className="text-sm font-medium">{t("scopes")}</legend>
          <p id="scopes-hint" className="text-xs text-slate-500">
            {t("scopesHint")}
          </p>
          {apiKeyScopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <Checkbox name="scopes" value={scope} defaultChecked={chosen.has(scope)} data-testid={`api-key-scope-${scope}`} />
              {t(scopeLabel[scope])}
            </label>
          ))}
          <FieldError name="scopes" errors={errors.scopes} />
        </fieldset>
        <SelectField
          name="expiresInDays"
          label={t("expiry")}
          defaultValue={String(values.expiresInDays ?? "")}
          errors={errors.expiresInDays}
          options={[
            ...expiryChoices.map((days) => ({ value: String(days), label: t("expiryDays", { days }) })),
            { value: "", label: t("expiryNever") },
          ]}
        />
        <Button type="submit" size="lg" disabled={pending} data-testid="api-key-create">
          {pending ? t("creating") : t("createKey")}
        </Button>
      </form>
    </div>
  );
}
