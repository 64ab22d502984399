"use client";
/** The offer form: one of my fitting machines, a price up to the job's maximum, an earliest start, a note. */
import { useActionState } from "react";
import { Field, SelectField, type FormState } from "@/components/jobs/form-fields";
import { makeOfferAction } from "../actions";

interface Props {
  jobId: string;
  machines: { id: string; label: string }[];
  labels: Record<"form" | "machine" | "price" | "priceHint" | "start" | "note" | "send", string>;
  initial: Record<string, string>;
}

export function OfferForm({ jobId, machines, labels, initial }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(makeOfferAction, { attempt: 0 });
  const values = (state.values ?? initial) as Record<string, string>;
  const errors = state.fieldErrors ?? {};
  return (
    <form key={state.attempt} action={action} className="max-w-xl space-y-4" noValidate aria-label={labels.form}>
      <input type="hidden" name="jobId" value={jobId} />
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="form-error">
          {state.error}
        </p>
      )}
      <SelectField name="machineId" label={labels.machine} defaultValue={values.machineId} errors={errors.machineId} options={machines.map((m) => ({ value: m.id, label: m.label }))} />
      <Field name="pricePerGpuHour" label={labels.price} inputMode="decimal" hint={labels.priceHint} defaultValue={values.pricePerGpuHour} errors={errors.pricePerGpuHour} />
      <Field name="earliestStart" label={labels.start} type="datetime-local" defaultValue={values.earliestStart} errors={errors.earliestStart} />
      <Field name="note" label={labels.note} defaultValue={values.note} errors={errors.note} multiline />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="submit-offer">
        {labels.send}
      </button>
    </form>
  );
}
