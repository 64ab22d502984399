/**
 * Labelled inputs for the job and offer forms, each with its error under it in words and wired
 * to it with aria-describedby. Plain elements, so both server and client components can use them.
 */
export const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900 aria-invalid:border-red-600";

export function FieldError({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400" data-testid={`error-${name}`}>
      {errors.join(" ")}
    </p>
  );
}

const described = (name: string, errors?: string[], hint?: string) =>
  [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;

export function Field({
  name,
  label,
  hint,
  defaultValue,
  errors,
  multiline,
  ...rest
}: { name: string; label: string; hint?: string; defaultValue?: string; errors?: string[]; multiline?: boolean } & Omit<React.ComponentProps<"input">, "defaultValue">) {
  const common = {
    id: name,
    name,
    defaultValue: defaultValue ?? "",
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": described(name, errors, hint),
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? <textarea rows={4} {...common} /> : <input {...common} {...rest} />}
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} aria-invalid={errors?.length ? true : undefined} aria-describedby={described(name, errors)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </div>
  );
}

/** What a form's server action returns to useActionState. */
export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, so the re-mounted form keeps it after an error. */
  values?: Record<string, string | string[]>;
  /** Bumped on every failed submission so the form re-mounts with `values`. */
  attempt: number;
}
