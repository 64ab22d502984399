import type { errorsEn } from "./errors-en";

export const errorsDe: typeof errorsEn = {
  marketplace: "Der Marktplatz konnte nicht geladen werden",
  provide: "Ihre Maschinen konnten nicht geladen werden",
  admin: "Die Verwaltung konnte diese Seite nicht laden.",
  body: "Bei uns ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.",
  tryAgain: "Erneut versuchen",
  page: "Diese Seite konnte nicht geladen werden",
  app: "Idlegrid konnte nicht geladen werden",
  home: "Zur Startseite",
  notFoundTitle: "Seite nicht gefunden",
  notFoundBody: "Unter dieser Adresse gibt es nichts. Der Link ist vielleicht vertippt, oder das Ziel existiert nicht mehr.",
  notFoundMarketplace: "GPUs zur Miete ansehen",
};
