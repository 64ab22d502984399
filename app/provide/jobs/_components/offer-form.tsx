"use client";
/** The offer form: one of my fitting machines, a price up to the job's maximum, an earliest start, a note. */
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/core/form-state";
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
        <Alert tone="error" data-testid="form-error">
          {state.error}
        </Alert>
      )}
      <SelectField
        name="machineId"
        label={labels.machine}
        defaultValue={values.machineId}
        errors={errors.machineId}
        options={machines.map((m) => ({ value: m.id, label: m.label }))}
      />
      <TextField
        name="pricePerGpuHour"
        label={labels.price}
        inputMode="decimal"
        hint={labels.priceHint}
        defaultValue={values.pricePerGpuHour}
        errors={errors.pricePerGpuHour}
      />
      <TextField
        name="earliestStart"
        label={labels.start}
        type="datetime-local"
        defaultValue={values.earliestStart}
        errors={errors.earliestStart}
      />
      <TextareaField name="note" label={labels.note} defaultValue={values.note} errors={errors.note} />
      <Button type="submit" size="lg" disabled={pending} data-testid="submit-offer">
        {labels.send}
      </Button>
    </form>
  );
}
