/**
 * The one button look. `Button` is a <button> (type="button" unless told otherwise); `buttonClass()` gives a
 * Link or <a> the same look. A `className` only adds layout (w-full, mt-2), never a colour or a padding the
 * variant or size already sets: two classes for one property do not override each other in Tailwind.
 */
import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "warning" | "ghost";
/** `row` is a full-width, left-aligned item of a list or menu (a notification, a wallet to pick). */
export type ButtonSize = "sm" | "md" | "lg" | "icon" | "row";

// A busy button (aria-busy, e.g. a placeholder while its island loads) keeps its look though it is disabled.
const base =
  "items-center rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:not-aria-busy:opacity-50";

const variants: Record<ButtonVariant, string> = {
  // brand-600 carries white text at 5.5:1 (app/globals.css).
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  // amber-700, not 500: white text on it reaches 5:1 (AA).
  warning: "bg-amber-700 text-white hover:bg-amber-800",
  ghost: "hover:bg-slate-100 dark:hover:bg-slate-800",
};

const sizes: Record<ButtonSize, string> = {
  sm: "justify-center gap-2 px-2 py-1 text-xs font-medium",
  md: "justify-center gap-2 px-3 py-1.5 text-sm font-medium",
  lg: "justify-center gap-2 px-4 py-2 font-medium",
  icon: "size-9 justify-center",
  row: "w-full justify-start gap-3 px-3 py-2 text-left text-sm",
};

/** `block`: a flex box of its own line (a menu's full-width entry, a <summary>), not inline in the text. */
export function buttonClass({
  variant = "primary",
  size = "md",
  block = false,
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; block?: boolean; className?: string } = {}): string {
  return cx(block ? "flex" : "inline-flex", base, variants[variant], sizes[size], className);
}

export function Button({
  variant,
  size,
  block,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize; block?: boolean }) {
  return <button type={type} className={buttonClass({ variant, size, block, className })} {...props} />;
}
