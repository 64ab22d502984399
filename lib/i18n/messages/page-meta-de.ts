import type { pageMetaEn } from "./page-meta-en";

export const pageMetaDe: typeof pageMetaEn = {
  marketplace:
    "Aktive GPU-Angebote nach Modell, VRAM, Preis, Region, Bandbreite und CUDA-Version durchsuchen und nach Preis pro TFLOP sortieren.",
  listing:
    "Eine GPU-Maschine zur stundenweisen Miete: technische Daten, Anbieter, Zuverlässigkeit und der Preis für die gewünschten Stunden.",
  jobs: "Offene Trainingsaufträge, die GPUs suchen: nach Modell, VRAM, Budget, Region und Framework filtern und ein Angebot abgeben.",
  job: "Anforderungen, Budget und Angebote eines Trainingsauftrags; Anbieter mit passender Maschine können bieten.",
  jobNew: "Einen Trainingsauftrag mit GPU-Bedarf und Budget beschreiben und Anbieter ihre Maschinen anbieten lassen.",
  jobEdit: "Anforderungen, Budget oder Angebotsfrist eines Trainingsauftrags ändern.",
  jobsMine: "Ihre eingestellten Trainingsaufträge, ihre Angebote und ihr Status.",
  provideJobs: "Offene Trainingsaufträge, die eine Ihrer aktiven Maschinen ausführen kann, und Ihre abgegebenen Angebote.",
  offer: "Eine Ihrer Maschinen für einen Trainingsauftrag anbieten, zu Ihrem Preis pro GPU-Stunde.",
  orders: "Ihre Mieten, gekauft und angeboten, und das Geld, das das Treuhandkonto für Ihre Wallet hält.",
  order: "Status einer Miete, Zahlung über das Treuhandkonto, Verbindungsdaten und Belege.",
  dashboard: "Ihre Ausgaben für GPU-Mieten, laufende Mieten und Belege.",
  providerDashboard: "Ihre Einnahmen, Ihr Treuhandguthaben, die Auslastung und die Mieten jeder Maschine.",
  provide: "Ihre Maschinen auf Idlegrid: Status, Preise und Bewertungen.",
  provideNew: "Eine GPU-Maschine zur Miete einstellen: Modell wählen, Preis pro GPU-Stunde festlegen und zur Prüfung einreichen.",
  provideEdit: "Technische Daten, Preis oder Mietgrenzen einer eingestellten Maschine ändern.",
  account: "Ihre Wallet-Adresse und die SSH-Schlüssel, mit denen Sie Maschinen mieten.",
  signIn: "Mit Ihrer Ethereum-Wallet anmelden, um GPUs zu mieten, Maschinen anzubieten und Trainingsaufträge einzustellen.",
  inbox: "Ihre Benachrichtigungen: Bestellungen, Angebote, Zahlungen und Bewertungen.",
  admin: "Die Verwaltung: Prüfwarteschlange, Meldungen, Nutzer, Streitfälle und Prüfprotokoll.",
  adminModeration: "Angebote, die auf Prüfung warten, mit Preisvergleich zum Marktmedian und den Änderungen seit der letzten Freigabe.",
  adminReports: "Meldungen zu Angeboten und Nutzern, nach ihrem Ziel gruppiert.",
  adminUsers: "Nutzer suchen, sperren oder entsperren und die Admin-Rolle vergeben oder entziehen.",
  adminUser: "Angebote, Bestellungen, Meldungen und Moderationsverlauf eines Nutzers.",
  adminDisputes: "Offene Streitfälle mit den Stellungnahmen beider Parteien und dem Zustand des Treuhandvertrags.",
  adminAudit: "Jede Admin-Aktion, filterbar und als CSV exportierbar.",
};
