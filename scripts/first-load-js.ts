/**
 * `npm run bench:first-load [-- --url http://127.0.0.1:3000] [--path /marketplace] [--budget 180]`
 *
 * The first-load JavaScript of a page as a browser gets it from the production server: every script
 * the server-rendered HTML loads or preloads (`<script src>`, `<link rel="preload" as="script">`,
 * `modulepreload`), each fetched once and gzipped at level 9, summed. Legacy `nomodule` scripts are
 * skipped (no supported browser runs them); chunks a page imports later (the header's wallet island)
 * are not first-load and are not counted. Exits 1 when the total is over the budget.
 *
 * Without --url it needs `npm run build` first and starts a throw-away stack (scripts/lib/app-stack.ts:
 * in-memory database with the demo seed, anvil, `next start` on free ports). bench-search.ts calls
 * firstLoadJs() against its own server.
 */
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

export interface FirstLoadReport {
  path: string;
  scripts: { url: string; raw: number; gzipped: number }[];
  raw: number;
  gzipped: number;
}

/** The script URLs an HTML document makes the browser fetch before it is interactive, in document order. */
export function firstLoadScriptUrls(html: string, baseUrl: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attr = (name: string) =>
      new RegExp(`\\s${name}=("([^"]*)"|'([^']*)')`, "i")
        .exec(tag)
        ?.slice(2)
        .find((v) => v !== undefined);
    let src: string | undefined;
    if (/^<script/i.test(tag)) {
      if (/\snomodule\b/i.test(tag)) continue;
      src = attr("src");
    } else {
      const rel = attr("rel")?.toLowerCase();
      if (rel === "modulepreload" || (rel === "preload" && attr("as")?.toLowerCase() === "script")) src = attr("href");
    }
    if (src) urls.push(new URL(src.replaceAll("&amp;", "&"), baseUrl).href);
  }
  return [...new Set(urls)];
}

export async function firstLoadJs(baseUrl: string, path = "/marketplace"): Promise<FirstLoadReport> {
  const res = await fetch(new URL(path, baseUrl));
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  const scripts: FirstLoadReport["scripts"] = [];
  for (const url of firstLoadScriptUrls(await res.text(), baseUrl)) {
    const script = await fetch(url);
    if (!script.ok) throw new Error(`GET ${url} answered ${script.status}`);
    const bytes = Buffer.from(await script.arrayBuffer());
    scripts.push({ url, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length });
  }
  const sum = (key: "raw" | "gzipped") => scripts.reduce((total, s) => total + s[key], 0);
  return { path, scripts, raw: sum("raw"), gzipped: sum("gzipped") };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatFirstLoad(report: FirstLoadReport): string {
  return `${report.path} first-load JS: ${kb(report.gzipped)} gzipped (${kb(report.raw)} raw, ${report.scripts.length} scripts)`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      path: { type: "string", default: "/marketplace" },
      budget: { type: "string", default: "180" },
      verbose: { type: "boolean", default: false },
    },
  });
  const { startAppStack } = await import("./lib/app-stack");
  const stack = values.url ? null : await startAppStack("first-load-js");
  try {
    const report = await firstLoadJs(values.url ?? stack?.appUrl ?? "", values.path);
    if (values.verbose) {
      for (const s of [...report.scripts].sort((a, b) => b.gzipped - a.gzipped))
        console.log(`${kb(s.gzipped).padStart(10)}  ${new URL(s.url).pathname}`);
    }
    console.log(formatFirstLoad(report));
    const budget = Number(values.budget) * 1024;
    if (report.gzipped > budget) {
      console.error(`over the ${values.budget} KB budget by ${kb(report.gzipped - budget)}`);
      process.exitCode = 1;
    }
  } finally {
    await stack?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
