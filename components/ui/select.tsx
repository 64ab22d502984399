import type { ComponentProps } from "react";
import { controlClass, type ControlProps } from "@/components/ui/input";

export interface SelectOption {
  value: string;
  label: string;
}

/** A <select> with the Input look; its choices as `options`, or as <option> children when they need more. */
export function Select({
  size,
  width,
  className,
  options,
  children,
  ...props
}: Omit<ComponentProps<"select">, "size"> & ControlProps & { options?: readonly SelectOption[] }) {
  return (
    <select className={controlClass({ size, width, className })} {...props}>
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}
