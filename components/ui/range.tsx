import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

/** A native slider in the brand colour, as wide as its container. */
export function Range({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="range" className={cx("w-full accent-brand-600", className)} {...props} />;
}
