import type { notificationsEn } from "./notifications-en";

export const notificationsDe: typeof notificationsEn = {
  "offer.new": "Neues Angebot für „{job}“{price}.",
  "offer.accepted": "Ihr Angebot für „{job}“ wurde angenommen. Als Nächstes zahlt der Käufer ins Treuhandkonto.",
  "offer.declined": "Ihr Angebot für „{job}“ wurde abgelehnt: {reason}.",
  "job.funded": "„{job}“ ist bezahlt: Das Geld liegt im Treuhandkonto, Sie können starten.",
  "job.completed": "„{job}“ ist abgeschlossen: Prüfen Sie das Ergebnis und geben Sie die Zahlung frei.",
  "job.disputed": "Für „{job}“ wurde ein Streitfall eröffnet.",
  "job.resolved": "Der Streitfall zu „{job}“ wurde entschieden.",
  unknown: "Neuigkeiten zu „{job}“.",
  price: " zu {price} pro GPU-Stunde",
  "reason.requirements_changed": "Der Käufer hat die Anforderungen geändert und Ihre Maschine passt nicht mehr",
  "reason.job_cancelled": "Der Käufer hat den Auftrag abgebrochen",
  "reason.job_expired": "Die Angebotsfrist ist abgelaufen",
  "reason.other_offer_accepted": "Der Käufer hat ein anderes Angebot angenommen",
  "reason.other": "Der Käufer hat sich anders entschieden",
  yourJob: "Ihr Auftrag",
  aJob: "ein Auftrag",
  aJobStart: "Ein Auftrag",
  yourJobStart: "Ihr Auftrag",
  yourAccount: "Ihr Konto",
};
