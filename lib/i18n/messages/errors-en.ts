/**
 * Error boundaries: client components that render when a server render failed, so they cannot ask
 * the server for strings. This namespace is small enough to ship in both languages
 * (components/i18n/page-error.tsx picks by <html lang>).
 */
export const errorsEn = {
  marketplace: "The marketplace could not load",
  provide: "Your machines could not load",
  admin: "The admin console could not load this page.",
  body: "Something went wrong on our side. Try again in a moment.",
  tryAgain: "Try again",
  page: "This page could not load",
  app: "Idlegrid could not load",
  home: "Go to the home page",
  notFoundTitle: "Page not found",
  notFoundBody: "There is nothing at this address. The link may be mistyped, or what it pointed to is gone.",
  notFoundMarketplace: "Browse GPUs for rent",
};
