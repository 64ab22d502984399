/**
 * The visitor's theme choice. "system" follows prefers-color-scheme; "light" and "dark" override it.
 * The server reads the cookie and renders `<html data-theme>` (no attribute for "system"), so the
 * first paint already has the right colours: no inline script, no flash. globals.css maps the
 * attribute onto Tailwind's `dark:` variant.
 */
export const themePreferences = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const THEME_COOKIE = "idlegrid-theme";
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function parseThemePreference(value: string | undefined): ThemePreference {
  return (themePreferences as readonly string[]).includes(value ?? "") ? (value as ThemePreference) : "system";
}

/** The value of `<html data-theme>`: absent when following the system. */
export function themeAttribute(preference: ThemePreference): "light" | "dark" | undefined {
  return preference === "system" ? undefined : preference;
}
