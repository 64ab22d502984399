import type { Messages } from "./en";
import { validationDe } from "./validation-de";
import { marketplaceDe } from "./marketplace-de";
import { listingDe } from "./listing-de";
import { listingStatusDe } from "./status-de";
import { provideDe } from "./provide-de";
import { ordersDe } from "./orders-de";
import { accountDe } from "./account-de";
import { walletDe } from "./wallet-de";
import { errorsDe } from "./errors-de";
import { apiErrorsDe } from "./api-errors-de";
import { adminDe } from "./admin-de";
import { dashboardDe } from "./dashboard-de";
import { jobsDe } from "./jobs-de";
import { jobFormDe } from "./job-form-de";
import { notificationsDe } from "./notifications-de";
import { txDe } from "./tx-de";
import { adminPagesDe } from "./admin-pages-de";
import { agentDe } from "./agent-de";
import { pageMetaDe } from "./page-meta-de";
import { apiKeysDe } from "./api-keys-de";
import { webhooksDe } from "./webhooks-de";

/** German. Typed as `Messages`, so every English key needs its German text here. */
export const de: Messages = {
  nav: {
    main: "Hauptmenü",
    marketplace: "Marktplatz",
    jobs: "Aufträge",
    provide: "Anbieten",
    orders: "Bestellungen",
    dashboard: "Übersicht",
    admin: "Verwaltung",
    settings: "Anzeigeeinstellungen",
  },
  language: {
    label: "Sprache",
    en: "English",
    de: "Deutsch",
  },
  theme: {
    label: "Farbschema",
    system: "System",
    light: "Hell",
    dark: "Dunkel",
  },
  chainStatus: {
    down: "Die Blockchain ist gerade nicht erreichbar. Beträge werden in der kleinsten Einheit des Tokens angezeigt, und Zahlungen und andere On-Chain-Aktionen warten, bis sie wieder antwortet.",
  },
  meta: {
    title: "Idlegrid — ungenutzte GPUs mieten, in Stablecoin bezahlen",
    description:
      "Ein Marktplatz für freie GPU-Kapazität: Anbieter stellen Maschinen ein, ML-Ingenieure mieten sie oder schreiben Trainingsaufträge aus, bezahlt wird über ein On-Chain-Treuhandkonto.",
  },
  landing: {
    title: "Ungenutzte GPUs, stundenweise gemietet.",
    titleAccent: "Bezahlt in Stablecoin.",
    intro:
      "Idlegrid bringt Menschen mit freier GPU-Kapazität und ML-Ingenieure zusammen, die sie brauchen. Jede Miete wird in USDC in ein On-Chain-Treuhandkonto eingezahlt: Anbieter wissen, dass das Geld da ist, und Käufer zahlen nur für geleistete Arbeit.",
    browse: "GPUs ansehen",
    listMachine: "Maschine anbieten",
    figures: "Der Markt gerade",
    liveListings: "Aktive Angebote",
    gpusAvailable: "Verfügbare GPUs",
    cheapestH100: "Günstigste H100 pro GPU-Stunde",
    forOwners: "Für GPU-Besitzer",
    owner1: "Maschine in Minuten einstellen: GPU wählen, VRAM und TFLOPS tragen wir ein.",
    owner2: "Preis pro GPU-Stunde selbst festlegen; das Geld der Käufer liegt vor Mietbeginn im Treuhandkonto.",
    owner3: "Bezahlung in USDC direkt aus dem Treuhandvertrag, jederzeit abhebbar.",
    forBuyers: "Für ML-Ingenieure",
    buyer1: "Nach GPU, VRAM, Preis, Region, Bandbreite und CUDA-Version filtern; nach Preis pro TFLOP sortieren.",
    buyer2: "Eine Maschine stundenweise mieten oder einen Trainingsauftrag einstellen, auf den Anbieter bieten.",
    buyer3: "Die Zahlung wird erst freigegeben, wenn die Arbeit erledigt ist; Streitfälle entscheidet ein Schiedsrichter.",
  },
  validation: validationDe,
  marketplace: marketplaceDe,
  listing: listingDe,
  listingStatus: listingStatusDe,
  provide: provideDe,
  orders: ordersDe,
  account: accountDe,
  wallet: walletDe,
  errors: errorsDe,
  apiErrors: apiErrorsDe,
  admin: adminDe,
  dashboard: dashboardDe,
  jobs: jobsDe,
  jobForm: jobFormDe,
  notifications: notificationsDe,
  tx: txDe,
  adminPages: adminPagesDe,
  agent: agentDe,
  pageMeta: pageMetaDe,
  apiKeys: apiKeysDe,
  webhooks: webhooksDe,
};
