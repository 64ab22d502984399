"use client";

import { useActionState, useState } from "react";
import { gpuCatalog, gpuSpec } from "@/lib/listings/gpu-catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { saveMachine } from "../actions";
import type { MachineFormState } from "../form-state";

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900 aria-invalid:border-red-600";

function FieldError({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

function Text({ name, label, hint, values, errors, ...rest }: { name: string; label: string; hint?: string; values: Record<string, string>; errors?: string[] } & React.ComponentProps<"input">) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${name}-error` : undefined}
        className={input}
        {...rest}
      />
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

/**
 * Register or edit a machine. The server action parses with the same zod schema as the API
 * and answers per-field errors, shown under each field.
 */
export function MachineForm(props: { id?: string; initial: Record<string, string>; isNew: boolean; messages: Messages["provide"]; locale: Locale }) {
  const { id, initial, isNew } = props;
  const t = createTranslator(props.messages, props.locale);
  const [state, action, pending] = useActionState<MachineFormState, FormData>(saveMachine, { attempt: 0 });
  const values = state.values ?? initial;
  const [model, setModel] = useState(values.gpuModel ?? "");
  const spec = gpuSpec(model);

  return (
    <form key={state.attempt} action={action} className="max-w-2xl space-y-5" noValidate>
      {id && <input type="hidden" name="id" value={id} />}
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="gpuModel" className="block text-sm font-medium">
          {t("gpuModel")}
        </label>
        <select
          id="gpuModel"
          name="gpuModel"
          value={model}
          onChange={(e) => setModel(e.target.value)}
          aria-invalid={state.fieldErrors?.gpuModel ? true : undefined}
          aria-describedby={state.fieldErrors?.gpuModel ? "gpuModel-error" : "gpuModel-spec"}
          className={input}
        >
          <option value="">{t("choose")}</option>
          {gpuCatalog.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <p id="gpuModel-spec" className="mt-1 text-xs text-slate-500" data-testid="gpu-spec">
          {spec ? t("specFromCatalog", { vram: spec.vramGb, tflops: spec.tflops, bandwidth: spec.memoryBandwidthGBs }) : t("specHint")}
        </p>
        <FieldError name="gpuModel" errors={state.fieldErrors?.gpuModel} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Text name="gpuCount" values={values} errors={state.fieldErrors?.gpuCount} label={t("gpuCount")} inputMode="numeric" />
        <Text name="cpuCores" values={values} errors={state.fieldErrors?.cpuCores} label={t("cpuCores")} inputMode="numeric" />
        <Text name="ramGb" values={values} errors={state.fieldErrors?.ramGb} label={t("ramGb")} inputMode="numeric" />
        <Text name="diskGb" values={values} errors={state.fieldErrors?.diskGb} label={t("diskGb")} inputMode="numeric" />
        <Text name="uploadMbps" values={values} errors={state.fieldErrors?.uploadMbps} label={t("uploadMbps")} inputMode="numeric" />
        <Text name="downloadMbps" values={values} errors={state.fieldErrors?.downloadMbps} label={t("downloadMbps")} inputMode="numeric" />
        <Text name="country" values={values} errors={state.fieldErrors?.country} label={t("country")} placeholder="DE" maxLength={2} />
        <Text name="city" values={values} errors={state.fieldErrors?.city} label={t("city")} />
        <Text name="cudaVersion" values={values} errors={state.fieldErrors?.cudaVersion} label={t("cudaVersion")} placeholder="12.4" hint={t("cudaHint")} />
        <Text name="driverVersion" values={values} errors={state.fieldErrors?.driverVersion} label={t("driverVersion")} placeholder="550.127" />
        <Text name="pricePerGpuHour" values={values} errors={state.fieldErrors?.pricePerGpuHour} label={t("pricePerGpuHour")} placeholder="1.85" inputMode="decimal" />
        <Text name="minHours" values={values} errors={state.fieldErrors?.minHours} label={t("minHours")} inputMode="numeric" />
        <Text name="maxHours" values={values} errors={state.fieldErrors?.maxHours} label={t("maxHours")} inputMode="numeric" />
      </div>
      <div>
        <label htmlFor="description" className="block text-sm font-medium">
          {t("description")}
        </label>
        <textarea id="description" name="description" rows={3} maxLength={2000} defaultValue={values.description ?? ""} className={input} />
        <FieldError name="description" errors={state.fieldErrors?.description} />
      </div>
      <div className="flex gap-3">
        {isNew ? (
          <>
            <button type="submit" name="intent" value="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
              {t("submit")}
            </button>
            <button type="submit" name="intent" value="draft" disabled={pending} className="rounded-md border px-4 py-2 font-medium disabled:opacity-60">
              {t("saveDraft")}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="save" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {t("saveChanges")}
          </button>
        )}
      </div>
      {!isNew && <p className="text-xs text-slate-500">{t("reviewNote")}</p>}
    </form>
  );
}
