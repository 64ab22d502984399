import { useId, type ComponentProps } from "react";
import { Select } from "@/components/ui/select";

/** A compact select for a header setting (language, theme), named for screen readers by a visually hidden label. */
export function SettingSelect({ label, ...select }: { label: string } & Omit<ComponentProps<"select">, "id" | "className" | "size">) {
  const id = useId();
  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Select id={id} size="sm" width="auto" className="text-slate-700 dark:text-slate-200" {...select} />
    </div>
  );
}
