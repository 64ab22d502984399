import type { errorsEn } from "./errors-en";

export const errorsDe: typeof errorsEn = {
  marketplace: "Der Marktplatz konnte nicht geladen werden",
  provide: "Ihre Maschinen konnten nicht geladen werden",
  admin: "Die Verwaltung konnte diese Seite nicht laden.",
  body: "Bei uns ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.",
  tryAgain: "Erneut versuchen",
};
