import type { ComponentProps } from "react";
import { controlClass, type ControlProps } from "@/components/ui/input";

/** A multi-line Input (same look; four rows unless told). */
export function Textarea({ size, width, className, rows = 4, ...props }: ComponentProps<"textarea"> & ControlProps) {
  return <textarea rows={rows} className={controlClass({ size, width, className })} {...props} />;
}
