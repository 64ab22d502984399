/**
 * The one look of a text control, shared by Input, Textarea and Select: a field marked aria-invalid (by
 * Field, from its errors) turns its border red. `width="auto"` for a control sized by its content or a class.
 */
import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type ControlSize = "sm" | "md";

const sizes: Record<ControlSize, string> = { sm: "px-2 py-1 text-sm", md: "px-2 py-1.5" };

export function controlClass({
  size = "md",
  width = "full",
  className,
}: { size?: ControlSize; width?: "full" | "auto"; className?: string } = {}): string {
  return cx(
    "rounded-md border border-slate-300 bg-white disabled:opacity-60 aria-invalid:border-red-600 dark:border-slate-700 dark:bg-slate-900 dark:aria-invalid:border-red-500",
    sizes[size],
    width === "full" && "w-full",
    className,
  );
}

export type ControlProps = { size?: ControlSize; width?: "full" | "auto" };

export function Input({ size, width, className, ...props }: Omit<ComponentProps<"input">, "size"> & ControlProps) {
  return <input className={controlClass({ size, width, className })} {...props} />;
}
