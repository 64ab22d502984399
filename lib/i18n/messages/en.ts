/**
 * English, the source language. Every namespace here must exist in de.ts with the same keys:
 * `Messages` is derived from this object, so a missing or extra German key fails `tsc`.
 * Placeholders are `{name}`; numbers passed as params are formatted for the locale.
 */
import { validationEn } from "./validation-en";
import { marketplaceEn } from "./marketplace-en";
import { listingEn } from "./listing-en";
import { listingStatusEn } from "./status-en";
import { provideEn } from "./provide-en";
import { ordersEn } from "./orders-en";
import { accountEn } from "./account-en";
import { walletEn } from "./wallet-en";
import { errorsEn } from "./errors-en";
import { apiErrorsEn } from "./api-errors-en";
import { adminEn } from "./admin-en";
import { dashboardEn } from "./dashboard-en";
import { jobsEn } from "./jobs-en";
import { jobFormEn } from "./job-form-en";
import { notificationsEn } from "./notifications-en";
import { txEn } from "./tx-en";
import { adminPagesEn } from "./admin-pages-en";
import { agentEn } from "./agent-en";
import { pageMetaEn } from "./page-meta-en";
import { apiKeysEn } from "./api-keys-en";
import { webhooksEn } from "./webhooks-en";

export const en = {
  nav: {
    main: "Main",
    marketplace: "Marketplace",
    jobs: "Jobs",
    provide: "Provide",
    orders: "Orders",
    dashboard: "Dashboard",
    admin: "Admin",
    settings: "Display settings",
  },
  language: {
    label: "Language",
    en: "English",
    de: "Deutsch",
  },
  theme: {
    label: "Theme",
    system: "System",
    light: "Light",
    dark: "Dark",
  },
  chainStatus: {
    down: "The blockchain cannot be reached right now. Amounts are shown in the token's smallest units, and payments and other on-chain actions wait until it answers again.",
  },
  meta: {
    title: "Idlegrid — rent idle GPUs, pay in stablecoin",
    description:
      "A marketplace for idle GPU capacity: providers list machines, ML engineers rent them or post training jobs, payments settle through an on-chain escrow.",
  },
  landing: {
    title: "Idle GPUs, rented by the hour.",
    titleAccent: "Paid in stablecoin.",
    intro:
      "Idlegrid connects people with spare GPU capacity to ML engineers who need it. Every rental is paid into an on-chain escrow in USDC, so providers know the money is there and buyers only pay for work that happened.",
    browse: "Browse GPUs",
    listMachine: "List your machine",
    figures: "The market right now",
    liveListings: "Listings live",
    gpusAvailable: "GPUs available",
    cheapestH100: "Cheapest H100 per GPU-hour",
    forOwners: "For GPU owners",
    owner1: "List a machine in minutes: pick the GPU, we fill in VRAM and TFLOPS.",
    owner2: "Set your price per GPU-hour; buyers' money is locked in escrow before a rental starts.",
    owner3: "Get paid in USDC straight from the escrow contract, withdrawable any time.",
    forBuyers: "For ML engineers",
    buyer1: "Filter by GPU, VRAM, price, region, bandwidth and CUDA version; sort by price per TFLOP.",
    buyer2: "Rent a machine by the hour or post a training job and let providers bid for it.",
    buyer3: "Your payment is only released when the job is done; disputes go to an arbiter.",
  },
  validation: validationEn,
  marketplace: marketplaceEn,
  listing: listingEn,
  listingStatus: listingStatusEn,
  provide: provideEn,
  orders: ordersEn,
  account: accountEn,
  wallet: walletEn,
  errors: errorsEn,
  apiErrors: apiErrorsEn,
  admin: adminEn,
  dashboard: dashboardEn,
  jobs: jobsEn,
  jobForm: jobFormEn,
  notifications: notificationsEn,
  tx: txEn,
  adminPages: adminPagesEn,
  agent: agentEn,
  pageMeta: pageMetaEn,
  apiKeys: apiKeysEn,
  webhooks: webhooksEn,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;
