/**
 * What a form's server action returns to useActionState: a sentence for the whole form, errors per field
 * (both in the visitor's language), and what was typed, so the re-mounted form keeps it.
 */
export interface FormState<V = Record<string, string | string[]>> {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, so the re-mounted form keeps it after an error. */
  values?: V;
  /** Bumped on every failed submission so the form re-mounts (key={state.attempt}) with `values`. */
  attempt: number;
}
