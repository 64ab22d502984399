"use client";

import { useId, useState } from "react";
import { themeAttribute, THEME_COOKIE, THEME_COOKIE_MAX_AGE, themePreferences, type ThemePreference } from "./theme-preference";

type Labels = Record<"label" | ThemePreference, string>;

/** System / light / dark. Applies at once on <html> and remembers the choice in a cookie the server reads. */
export function ThemeToggle({ initial, labels }: { initial: ThemePreference; labels: Labels }) {
  const id = useId();
  const [preference, setPreference] = useState(initial);

  function choose(next: ThemePreference) {
    setPreference(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
  }

  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {labels.label}
      </label>
      <select
        id={id}
        value={preference}
        onChange={(e) => choose(e.target.value as ThemePreference)}
        data-testid="theme-toggle"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {themePreferences.map((p) => (
          <option key={p} value={p}>
            {labels[p]}
          </option>
        ))}
      </select>
    </div>
  );
}
