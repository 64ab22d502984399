/**
 * Each page's <meta name="description"> (and its Open Graph card's text): what a search result or a
 * shared link says the page is. Titles come from the page's own namespace; see lib/i18n/page-metadata.ts.
 */
export const pageMetaEn = {
  marketplace: "Search live GPU listings by model, VRAM, price, region, bandwidth and CUDA version, and sort by price per TFLOP.",
  listing: "A GPU machine for rent by the hour: its specifications, provider, reliability and the price for the hours you need.",
  jobs: "Open training jobs looking for GPUs: filter by model, VRAM, budget, region and framework, and make an offer.",
  job: "A training job's requirements, budget and offers; providers with a matching machine can bid for it.",
  jobNew: "Describe a training job, its GPU needs and your budget, and let providers offer their machines.",
  jobEdit: "Change a training job's requirements, budget or offer deadline.",
  jobsMine: "The training jobs you posted, their offers and their status.",
  provideJobs: "Open training jobs that one of your live machines can run, and the offers you made.",
  offer: "Offer one of your machines for a training job, at your price per GPU-hour.",
  orders: "Your rentals, bought and provided, and the money the escrow holds for your wallet.",
  order: "A rental's status, payment through the escrow, connection details and receipts.",
  dashboard: "Your spending on GPU rentals, active rentals and receipts.",
  providerDashboard: "Your earnings, escrow balance, utilization and each machine's rentals.",
  provide: "The machines you list on Idlegrid: their status, prices and reviews.",
  provideNew: "List a GPU machine for rent: pick the model, set your price per GPU-hour and submit it for review.",
  provideEdit: "Change a listed machine's specifications, price or rental limits.",
  account: "Your wallet address and the SSH keys you rent machines with.",
  signIn: "Sign in with your Ethereum wallet to rent GPUs, list machines and post training jobs.",
  inbox: "Your notifications: orders, offers, payments and reviews.",
  admin: "The admin console: moderation queue, reports, users, disputes and the audit log.",
  adminModeration: "Listings waiting for review, priced against the market median, with what changed since the last approval.",
  adminReports: "Reports about listings and users, grouped by what they report.",
  adminUsers: "Search users, ban or unban them and grant or revoke the admin role.",
  adminUser: "One user's listings, orders, reports and moderation history.",
  adminDisputes: "Open disputes with both parties' statements and the on-chain escrow state.",
  adminAudit: "Every admin action, filterable and exportable as CSV.",
};
