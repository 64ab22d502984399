import { useId, type ComponentProps } from "react";

/** A compact select for a header setting (language, theme), named for screen readers by a visually hidden label. */
export function SettingSelect({ label, ...select }: { label: string } & Omit<ComponentProps<"select">, "id" | "className">) {
  const id = useId();
  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        {...select}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      />
    </div>
  );
}
