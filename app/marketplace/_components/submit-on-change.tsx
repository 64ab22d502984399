"use client";

import { useEffect } from "react";

/**
 * Submits a select's GET form when it changes, so the sort applies at once (the form works without JS too).
 * The select itself stays server-rendered: hydrating a select that has a default value repaints its text,
 * and Lighthouse took that repaint, after the scripts ran, as the marketplace's largest contentful paint.
 */
export function SubmitOnChange({ selectId }: { selectId: string }) {
  useEffect(() => {
    const select = document.getElementById(selectId);
    if (!(select instanceof HTMLSelectElement)) return;
    const submit = () => select.form?.requestSubmit();
    select.addEventListener("change", submit);
    return () => select.removeEventListener("change", submit);
  }, [selectId]);
  return null;
}
