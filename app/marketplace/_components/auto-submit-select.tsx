"use client";

import type { ComponentProps } from "react";

/** A select that submits its GET form on change, so the sort applies at once (the form still works without JS). */
export function AutoSubmitSelect(props: ComponentProps<"select">) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}
