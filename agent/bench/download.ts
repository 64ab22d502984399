/**
 * Download throughput from a URL (a large file on a well-connected host, later one the server
 * names). Timed from the response headers to the last byte, so the figure is bandwidth, not latency.
 */
export interface DownloadBench {
  url: string;
  bytes: number;
  seconds: number;
  megabitsPerSecond: number;
}

export class DownloadError extends Error {}

export async function benchDownload(url: string, options: { maxBytes?: number; timeoutMs?: number } = {}): Promise<DownloadBench> {
  const maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 60_000);
  let bytes = 0;
  let started = 0;
  try {
    const res = await fetch(url, { signal: controller.signal, headers: { "Accept-Encoding": "identity" } });
    if (!res.ok || !res.body) throw new DownloadError(`download from ${url} answered HTTP ${res.status}`);
    started = performance.now();
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes >= maxBytes) {
        await reader.cancel();
        break;
      }
    }
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    // A timeout after some data still measured something; before any data it is a failure.
    if (!(controller.signal.aborted && bytes > 0))
      throw new DownloadError(`download from ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
  if (bytes === 0) throw new DownloadError(`download from ${url} returned no data`);
  const seconds = Math.max((performance.now() - started) / 1000, 1e-6);
  return { url, bytes, seconds: Math.round(seconds * 1000) / 1000, megabitsPerSecond: Math.round(((bytes * 8) / 1e6 / seconds) * 10) / 10 };
}
