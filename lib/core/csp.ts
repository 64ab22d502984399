/**
 * The Content-Security-Policy of every page (the other security headers are in next.config.js). Pages get a
 * fresh nonce per request (proxy.ts): Next.js reads it from the request's CSP header and puts it on its
 * own scripts, and 'strict-dynamic' lets those load the chunks they need (the wallet code after
 * hydration), while an injected <script> or inline handler runs nowhere. Pure, so it is tested directly.
 */

export interface CspOptions {
  nonce: string;
  /** next dev: React needs eval for its debug stacks, and hot reload talks over a websocket. */
  dev: boolean;
  /** Origins the browser reads the chain through besides https/wss ones (the local anvil's http URL). */
  rpcOrigins: string[];
  /** The app is served over https: ask browsers to upgrade any http subresource. */
  https: boolean;
}

/**
 * connect-src allows any https/wss origin: wallets (WalletConnect's relay, Coinbase's smart wallet) and
 * public RPCs are chosen by the user's wallet, not by this app. Scripts are what CSP must pin down.
 */
export function contentSecurityPolicy(opts: CspOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${opts.nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (charts, the wallet SDKs' dialogs) cannot carry a nonce.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", "https:"],
    ["font-src", "'self'", "data:", "https:"],
    ["connect-src", "'self'", ...opts.rpcOrigins, "https:", "wss:", ...(opts.dev ? ["ws:"] : [])],
    // WalletConnect verifies the dapp's domain in an iframe; Coinbase Wallet opens popups, not frames.
    ["frame-src", "'self'", "https://verify.walletconnect.com", "https://verify.walletconnect.org"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(opts.https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
