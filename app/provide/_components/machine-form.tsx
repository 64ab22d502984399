"use client";

import { useActionState, useState } from "react";
import { gpuCatalog, gpuSpec } from "@/lib/listings/gpu-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, TextareaField, TextField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { saveMachine, type MachineFormState } from "../actions";

/**
 * Register or edit a machine. The server action parses with the same zod schema as the API
 * and answers per-field errors, shown under each field.
 */
export function MachineForm(props: {
  id?: string;
  initial: Record<string, string>;
  isNew: boolean;
  messages: Messages["provide"];
  locale: Locale;
}) {
  const { id, initial, isNew } = props;
  const t = createTranslator(props.messages, props.locale);
  const [state, action, pending] = useActionState<MachineFormState, FormData>(saveMachine, { attempt: 0 });
  const values = state.values ?? initial;
  const [model, setModel] = useState(values.gpuModel ?? "");
  const spec = gpuSpec(model);
  // A text field's name, what was typed (or is stored) and its errors.
  const text = (name: string) => ({ name, defaultValue: values[name] ?? "", errors: state.fieldErrors?.[name] });

  return (
    <form key={state.attempt} action={action} className="max-w-2xl space-y-5" noValidate>
      {id && <input type="hidden" name="id" value={id} />}
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field
        id="gpuModel"
        label={t("gpuModel")}
        hint={
          <span data-testid="gpu-spec">
            {spec ? t("specFromCatalog", { vram: spec.vramGb, tflops: spec.tflops, bandwidth: spec.memoryBandwidthGBs }) : t("specHint")}
          </span>
        }
        errors={state.fieldErrors?.gpuModel}
      >
        {(control) => (
          <Select name="gpuModel" value={model} onChange={(e) => setModel(e.target.value)} {...control}>
            <option value="">{t("choose")}</option>
            {gpuCatalog.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField {...text("gpuCount")} label={t("gpuCount")} inputMode="numeric" />
        <TextField {...text("cpuCores")} label={t("cpuCores")} inputMode="numeric" />
        <TextField {...text("ramGb")} label={t("ramGb")} inputMode="numeric" />
        <TextField {...text("diskGb")} label={t("diskGb")} inputMode="numeric" />
        <TextField {...text("uploadMbps")} label={t("uploadMbps")} inputMode="numeric" />
        <TextField {...text("downloadMbps")} label={t("downloadMbps")} inputMode="numeric" />
        <TextField {...text("country")} label={t("country")} placeholder="DE" maxLength={2} />
        <TextField {...text("city")} label={t("city")} />
        <TextField {...text("cudaVersion")} label={t("cudaVersion")} placeholder="12.4" hint={t("cudaHint")} />
        <TextField {...text("driverVersion")} label={t("driverVersion")} placeholder="550.127" />
        <TextField {...text("pricePerGpuHour")} label={t("pricePerGpuHour")} placeholder="1.85" inputMode="decimal" />
        <TextField {...text("minHours")} label={t("minHours")} inputMode="numeric" />
        <TextField {...text("maxHours")} label={t("maxHours")} inputMode="numeric" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        {/* An unchecked box sends nothing: the hidden "0" before it makes "not splittable" a value too. */}
        <input type="hidden" name="splittable" value="0" />
        <Checkbox name="splittable" value="1" defaultChecked={values.splittable === "1"} />
        {t("splittable")}
      </label>
      <TextareaField {...text("description")} label={t("description")} rows={3} maxLength={2000} />
      <div className="flex gap-3">
        {isNew ? (
          <>
            <Button type="submit" size="lg" name="intent" value="submit" disabled={pending}>
              {t("submit")}
            </Button>
            <Button type="submit" size="lg" variant="secondary" name="intent" value="draft" disabled={pending}>
              {t("saveDraft")}
            </Button>
          </>
        ) : (
          <Button type="submit" size="lg" name="intent" value="save" disabled={pending}>
            {t("saveChanges")}
          </Button>
        )}
      </div>
      {!isNew && <p className="text-xs text-slate-500">{t("reviewNote")}</p>}
    </form>
  );
}
