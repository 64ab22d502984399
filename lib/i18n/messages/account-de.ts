import type { accountEn } from "./account-en";

export const accountDe: typeof accountEn = {
  title: "Ihr Konto",
  signedInAs: "Angemeldet als",
  sshKeys: "Öffentliche SSH-Schlüssel",
  sshKeysHint:
    "Gespeicherte Schlüssel können Sie beim Mieten auswählen; der Anbieter installiert den gewählten. Nur öffentliche Schlüssel: Fügen Sie niemals einen privaten Schlüssel ein.",
  noKeys: "Noch keine gespeicherten Schlüssel.",
  deleteKey: "Löschen",
  addKey: "SSH-Schlüssel hinzufügen",
  keyLabel: "Bezeichnung",
  keyLabelPlaceholder: "Arbeitslaptop",
  publicKey: "Öffentlicher Schlüssel",
  saving: "Wird gespeichert…",
  saveKey: "Schlüssel speichern",
  deleteFailed: "Der Schlüssel konnte nicht gelöscht werden. Laden Sie die Seite neu und versuchen Sie es erneut.",
  signInTitle: "Anmelden",
  signInHeading: "Zum Fortfahren anmelden",
  signInBody:
    "Idlegrid-Konten sind Wallets. Verbinden Sie Ihre über die Schaltfläche oben rechts und signieren Sie die angezeigte Nachricht; das Signieren kostet nichts und sendet keine Transaktion.",
  signedInBack: "Angemeldet, Sie werden zurückgeleitet…",
  waiting: "Warten auf Ihre Anmeldung…",
};
