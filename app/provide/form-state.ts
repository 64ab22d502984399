/** What the machine form's server action returns to useActionState. */
export interface MachineFormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted values, so the form shows what the provider typed after an error. */
  values?: Record<string, string>;
  /** Bumped on every failed submission so the form re-mounts with `values`. */
  attempt: number;
}
