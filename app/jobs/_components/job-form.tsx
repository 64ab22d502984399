"use client";
/**
 * Post or edit a training job. The server action (app/jobs/actions.ts saveJob) parses with
 * jobInputSchema, the API's schema, and each error is shown under its field in words.
 */
import { useActionState } from "react";
import { saveJob } from "@/app/jobs/actions";
import { gpuCatalog } from "@/lib/listings/gpu-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { frameworkLabels, jobFrameworks } from "@/lib/jobs/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, SelectField, TextareaField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/core/form-state";

type Values = Record<string, string | string[]>;

export function JobForm(props: { id?: string; initial: Values; isDraft: boolean; messages: Messages["jobForm"]; locale: Locale }) {
  const { id, initial, isDraft } = props;
  const t = createTranslator(props.messages, props.locale);
  const [state, action, pending] = useActionState<FormState, FormData>(saveJob, { attempt: 0 });
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const chosenModels = new Set([values.gpuModels ?? []].flat());

  return (
    <form key={state.attempt} action={action} className="max-w-2xl space-y-5" noValidate aria-label={id ? t("formEdit") : t("formPost")}>
      {id && <input type="hidden" name="id" value={id} />}
      {state.error && (
        <Alert tone="error" data-testid="form-error">
          {state.error}
        </Alert>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">{t("work")}</legend>
        <TextField name="title" label={t("title")} defaultValue={text("title")} errors={errors.title} required />
        <TextareaField name="description" label={t("description")} defaultValue={text("description")} errors={errors.description} />
        <SelectField
          name="framework"
          label={t("framework")}
          defaultValue={text("framework")}
          errors={errors.framework}
          options={[
            { value: "", label: t("choose") },
            ...jobFrameworks.map((f) => ({ value: f, label: f === "OTHER" ? t("frameworkOther") : frameworkLabels[f] })),
          ]}
        />
        <TextField
          name="containerImage"
          label={t("containerImage")}
          hint={t("containerHint")}
          defaultValue={text("containerImage")}
          errors={errors.containerImage}
        />
        <TextField name="command" label={t("command")} defaultValue={text("command")} errors={errors.command} />
        <TextField
          name="datasetUrl"
          label={t("datasetUrl")}
          hint={t("datasetHint")}
          defaultValue={text("datasetUrl")}
          errors={errors.datasetUrl}
        />
        <TextField
          name="outputUrl"
          label={t("outputUrl")}
          hint={t("outputHint")}
          defaultValue={text("outputUrl")}
          errors={errors.outputUrl}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">{t("hardware")}</legend>
        <div role="group" aria-labelledby="gpuModels-label" aria-describedby={errors.gpuModels ? "gpuModels-error" : undefined}>
          <p id="gpuModels-label" className="text-sm font-medium">
            {t("gpuModels")} <span className="font-normal text-slate-500">{t("gpuModelsHint")}</span>
          </p>
          <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
            {gpuCatalog.map((g) => (
              <label key={g.id} className="flex items-center gap-2 text-sm">
                <Checkbox name="gpuModels" value={g.id} defaultChecked={chosenModels.has(g.id)} />
                {g.name}
              </label>
            ))}
          </div>
          <FieldError name="gpuModels" errors={errors.gpuModels} className="mt-1" />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="minVramGb"
            label={t("minVramGb")}
            inputMode="numeric"
            defaultValue={text("minVramGb")}
            errors={errors.minVramGb}
          />
          <TextField name="gpuCount" label={t("gpuCount")} inputMode="numeric" defaultValue={text("gpuCount")} errors={errors.gpuCount} />
          <TextField
            name="minReliability"
            label={t("minReliability")}
            inputMode="numeric"
            defaultValue={text("minReliability")}
            errors={errors.minReliability}
          />
        </div>
        <TextField name="regions" label={t("regions")} hint={t("regionsHint")} defaultValue={text("regions")} errors={errors.regions} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">{t("budget")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="estimatedHours"
            label={t("estimatedHours")}
            inputMode="numeric"
            defaultValue={text("estimatedHours")}
            errors={errors.estimatedHours}
          />
          <TextField
            name="maxPricePerGpuHour"
            label={t("maxPrice")}
            inputMode="decimal"
            hint={t("maxPriceHint")}
            defaultValue={text("maxPricePerGpuHour")}
            errors={errors.maxPricePerGpuHour}
          />
        </div>
        <TextField
          name="offerDeadline"
          label={t("offerDeadline")}
          type="datetime-local"
          defaultValue={text("offerDeadline")}
          errors={errors.offerDeadline}
        />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        {isDraft && (
          <Button type="submit" size="lg" name="intent" value="publish" disabled={pending} data-testid="job-publish">
            {t("publish")}
          </Button>
        )}
        <Button
          type="submit"
          size="lg"
          variant={isDraft ? "secondary" : "primary"}
          name="intent"
          value={isDraft ? "draft" : "save"}
          disabled={pending}
          data-testid="job-save"
        >
          {isDraft ? t("saveDraft") : t("saveChanges")}
        </Button>
      </div>
    </form>
  );
}
