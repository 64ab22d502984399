import type { listingStatusEn } from "./status-en";

export const listingStatusDe: typeof listingStatusEn = {
  DRAFT: "Entwurf",
  PENDING_REVIEW: "In Prüfung",
  LIVE: "Aktiv",
  PAUSED: "Pausiert",
  REJECTED: "Abgelehnt",
  SUSPENDED: "Gesperrt",
  ARCHIVED: "Archiviert",
  "action.submit": "Zur Prüfung einreichen",
  "action.withdraw": "Aus der Prüfung zurückziehen",
  "action.pause": "Pausieren",
  "action.resume": "Fortsetzen",
  "action.archive": "Archivieren",
  "action.approve": "Freigeben",
  "action.reject": "Ablehnen",
  "action.suspend": "Sperren",
};
