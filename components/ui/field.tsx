/**
 * A labelled control with its hint and its errors under it, in words, wired to it for screen readers:
 * the control gets `aria-invalid` while there are errors and `aria-describedby` naming the hint and the
 * errors. Plain elements, so server and client components both use it.
 *
 *   <Field id="title" label={t("title")} errors={errors.title}>{(control) => <Input name="title" {...control} />}</Field>
 *   <TextField name="title" label={t("title")} errors={errors.title} defaultValue={...} />   // the same, shorter
 *
 * Ids: the error is `${name}-error` (test id `error-${name}`), the hint `${name}-hint`; `name` defaults to `id`.
 */
import type { ComponentProps, ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

/** What Field hands its control. */
export interface FieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function fieldControl(id: string, name: string, errors?: string[], hint?: ReactNode): FieldControl {
  const describedBy = [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
}

export function FieldError({ name, errors, className }: { name: string; errors?: string[]; className?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={`${name}-error`} className={cx("text-sm text-red-700 dark:text-red-400", className)} data-testid={`error-${name}`}>
      {errors.join(" ")}
    </p>
  );
}

export function Field(props: {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const { id, label, hint, errors, className, children } = props;
  const name = props.name ?? id;
  return (
    <div className={cx("grid content-start gap-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(fieldControl(id, name, errors, hint))}
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

type Labelled = { name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; className?: string };

/** A named text input in a Field (id = name). */
export function TextField({
  name,
  label,
  hint,
  errors,
  className,
  ...input
}: Labelled & Omit<ComponentProps<typeof Input>, "name" | "id" | "className">) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Input name={name} {...input} {...control} />}
    </Field>
  );
}

export function TextareaField({
  name,
  label,
  hint,
  errors,
  className,
  ...textarea
}: Labelled & Omit<ComponentProps<typeof Textarea>, "name" | "id" | "className">) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Textarea name={name} {...textarea} {...control} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  className,
  options,
  ...select
}: Labelled & { options: readonly SelectOption[] } & Omit<ComponentProps<typeof Select>, "name" | "id" | "className" | "options">) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Select name={name} options={options} {...select} {...control} />}
    </Field>
  );
}
