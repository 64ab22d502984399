import "server-only";
import { cookies } from "next/headers";
import { parseThemePreference, THEME_COOKIE, type ThemePreference } from "./theme-preference";

/** The theme the visitor chose with the toggle; "system" until they choose. */
export async function getThemePreference(): Promise<ThemePreference> {
  return parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
}
