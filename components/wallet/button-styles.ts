/** The header wallet's button classes, shared by its first-load placeholder so the swap does not move a pixel. */
export const walletButtonBase =
  "rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const walletButton = `${walletButtonBase} disabled:opacity-50`;
export const walletPrimary = `${walletButton} bg-brand-600 text-white hover:bg-brand-700`;
export const walletSecondary = `${walletButton} border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800`;
