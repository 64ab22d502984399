"use client";
/**
 * Post or edit a training job. The server action (app/jobs/actions.ts saveJob) parses with
 * jobInputSchema, the API's schema, and each error is shown under its field in words.
 */
import { useActionState } from "react";
import { saveJob } from "@/app/jobs/actions";
import { gpuCatalog } from "@/lib/gpu-catalog";
import { frameworkLabels, jobFrameworks } from "@/lib/validations/job";
import { Field, FieldError, SelectField, type FormState } from "./form-fields";

type Values = Record<string, string | string[]>;

export function JobForm({ id, initial, isDraft }: { id?: string; initial: Values; isDraft: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveJob, { attempt: 0 });
  const values: Values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const chosenModels = new Set([values.gpuModels ?? []].flat());

  return (
    <form key={state.attempt} action={action} className="max-w-2xl space-y-5" noValidate aria-label={id ? "Edit job" : "Post a job"}>
      {id && <input type="hidden" name="id" value={id} />}
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="form-error">
          {state.error}
        </p>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">The work</legend>
        <Field name="title" label="Title" defaultValue={text("title")} errors={errors.title} required />
        <Field name="description" label="Description (optional)" defaultValue={text("description")} errors={errors.description} multiline />
        <SelectField
          name="framework"
          label="Framework"
          defaultValue={text("framework")}
          errors={errors.framework}
          options={[{ value: "", label: "Choose…" }, ...jobFrameworks.map((f) => ({ value: f, label: frameworkLabels[f] }))]}
        />
        <Field name="containerImage" label="Container image" hint="With a tag or digest, e.g. ghcr.io/org/train:1.2" defaultValue={text("containerImage")} errors={errors.containerImage} />
        <Field name="command" label="Command" defaultValue={text("command")} errors={errors.command} />
        <Field name="datasetUrl" label="Dataset location" hint="http(s)://, s3:// or gs:// URL" defaultValue={text("datasetUrl")} errors={errors.datasetUrl} />
        <Field name="outputUrl" label="Output location" hint="Where the provider writes the result" defaultValue={text("outputUrl")} errors={errors.outputUrl} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Hardware</legend>
        <div role="group" aria-labelledby="gpuModels-label" aria-describedby={errors.gpuModels ? "gpuModels-error" : undefined}>
          <p id="gpuModels-label" className="text-sm font-medium">
            Accepted GPU models <span className="font-normal text-slate-500">(none ticked: any model with enough VRAM)</span>
          </p>
          <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
            {gpuCatalog.map((g) => (
              <label key={g.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="gpuModels" value={g.id} defaultChecked={chosenModels.has(g.id)} />
                {g.name}
              </label>
            ))}
          </div>
          <FieldError name="gpuModels" errors={errors.gpuModels} />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="minVramGb" label="Minimum VRAM per GPU (GB)" inputMode="numeric" defaultValue={text("minVramGb")} errors={errors.minVramGb} />
          <Field name="gpuCount" label="GPU count" inputMode="numeric" defaultValue={text("gpuCount")} errors={errors.gpuCount} />
          <Field name="minReliability" label="Minimum provider reliability (0–100)" inputMode="numeric" defaultValue={text("minReliability")} errors={errors.minReliability} />
        </div>
        <Field name="regions" label="Regions (optional)" hint="Two-letter country codes separated by commas, e.g. DE, NL. Empty: anywhere." defaultValue={text("regions")} errors={errors.regions} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Budget and deadline</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="estimatedHours" label="Estimated hours" inputMode="numeric" defaultValue={text("estimatedHours")} errors={errors.estimatedHours} />
          <Field name="maxPricePerGpuHour" label="Maximum price per GPU-hour" inputMode="decimal" hint="Token amount, e.g. 1.85" defaultValue={text("maxPricePerGpuHour")} errors={errors.maxPricePerGpuHour} />
        </div>
        <Field name="offerDeadline" label="Offers accepted until (UTC)" type="datetime-local" defaultValue={text("offerDeadline")} errors={errors.offerDeadline} />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        {isDraft && (
          <button type="submit" name="intent" value="publish" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="job-publish">
            Publish
          </button>
        )}
        <button
          type="submit"
          name="intent"
          value={isDraft ? "draft" : "save"}
          disabled={pending}
          className={isDraft ? "rounded-md border px-4 py-2 font-medium disabled:opacity-60" : "rounded-md bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"}
          data-testid="job-save"
        >
          {isDraft ? "Save draft" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
