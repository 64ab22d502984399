"use client";

import { useState } from "react";
import { SettingSelect } from "@/components/ui/setting-select";
import { themeAttribute, THEME_COOKIE, THEME_COOKIE_MAX_AGE, themePreferences, type ThemePreference } from "./theme-preference";

type Labels = Record<"label" | ThemePreference, string>;

/** System / light / dark. Applies at once on <html> and remembers the choice in a cookie the server reads. */
export function ThemeToggle({ initial, labels }: { initial: ThemePreference; labels: Labels }) {
  const [preference, setPreference] = useState(initial);

  function choose(next: ThemePreference) {
    setPreference(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
  }

  return (
    <SettingSelect
      label={labels.label}
      value={preference}
      onChange={(e) => choose(e.target.value as ThemePreference)}
      data-testid="theme-toggle"
    >
      {themePreferences.map((p) => (
        <option key={p} value={p}>
          {labels[p]}
        </option>
      ))}
    </SettingSelect>
  );
}
