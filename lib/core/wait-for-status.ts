/**
 * Waits, in the browser, until the server has seen what a wallet transaction did: the API answers from
 * what the indexer read on chain, so the page polls the resource until its status (or another `field`,
 * e.g. a rental's `amount` after an extension, which keeps the status) is no longer `from`.
 * Returns false when `seconds` pass first (the indexer may be behind; the page then says so).
 */
export async function waitForStatusChange(resourceUrl: string, from: string, seconds = 120, field = "status"): Promise<boolean> {
  for (let i = 0; i < seconds; i++) {
    const res = await fetch(resourceUrl, { cache: "no-store" });
    if (res.ok && ((await res.json()) as Record<string, unknown>)[field] !== from) return true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}
