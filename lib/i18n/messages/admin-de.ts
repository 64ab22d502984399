import type { adminEn } from "./admin-en";

export const adminDe: typeof adminEn = {
  title: "Verwaltung",
  nav: "Verwaltung",
  overview: "Übersicht",
  moderation: "Moderation",
  reports: "Meldungen",
  users: "Nutzer",
  disputes: "Streitfälle",
  audit: "Prüfprotokoll",
  heading: "Verwaltung: Übersicht",
  pendingReviews: "Offene Prüfungen",
  openReports: "Offene Meldungen",
  bannedUsers: "Gesperrte Nutzer",
  openDisputes: "Offene Streitfälle",
  byStatus: "Angebote nach Status",
  volume: "Umsatz und Gebühren",
};
