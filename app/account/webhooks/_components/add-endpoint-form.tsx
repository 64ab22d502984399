"use client";
/** URL, description and events of a new webhook endpoint; after it is added, its signing secret is shown here once. */
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, TextField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { webhookEventTypes } from "@/lib/webhooks/schema";
import { addEndpointAction, type AddEndpointState } from "../actions";

export function AddEndpointForm({ messages, locale }: { messages: Messages["webhooks"]; locale: Locale }) {
  const t = createTranslator(messages, locale);
  const [state, action, pending] = useActionState<AddEndpointState, FormData>(addEndpointAction, { attempt: 0 });
  const values = state.values ?? { url: "", description: "", events: ["order.funded"] };
  const chosen = new Set([values.events ?? []].flat());
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {state.created && (
        <Alert tone="success" data-testid="webhook-created">
          <p className="font-medium">{t("secretTitle")}</p>
          <p className="text-sm">{t("secretBody")}</p>
          <Input
            readOnly
            value={state.created.secret}
            aria-label={t("secretTitle")}
            className="mt-2 font-mono text-xs"
            data-testid="webhook-secret"
            onFocus={(e) => e.currentTarget.select()}
          />
        </Alert>
      )}
      <form key={state.attempt} action={action} className="max-w-xl space-y-4" noValidate aria-label={t("add")}>
        {state.error && (
          <Alert tone="error" data-testid="form-error">
            {state.error}
          </Alert>
        )}
        <TextField
          name="url"
          label={t("url")}
          hint={t("urlHint")}
          type="url"
          defaultValue={String(values.url ?? "")}
          errors={errors.url}
          data-testid="webhook-url"
        />
        <TextField
          name="description"
          label={t("description")}
          defaultValue={String(values.description ?? "")}
          maxLength={200}
          placeholder={t("descriptionPlaceholder")}
          errors={errors.description}
        />
        <fieldset className="space-y-1" aria-describedby="events-hint">
          <legend className="text-sm font-medium">{t("events")}</legend>
          <p id="events-hint" className="text-xs text-slate-500">
            {t("eventsHint")}
          </p>
          <div className="grid gap-1 sm:grid-cols-2">
            {webhookEventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 font-mono text-xs">
                <Checkbox name="events" value={type} defaultChecked={chosen.has(type)} />
                {type}
              </label>
            ))}
          </div>
          <FieldError name="events" errors={errors.events} />
        </fieldset>
        <Button type="submit" size="lg" disabled={pending} data-testid="webhook-add">
          {pending ? t("adding") : t("addEndpoint")}
        </Button>
      </form>
    </div>
  );
}
