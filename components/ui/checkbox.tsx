import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

/** A native checkbox in the brand colour; label it with a wrapping <label> or aria-label. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={cx("size-4 accent-brand-600", className)} {...props} />;
}
