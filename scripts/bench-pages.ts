/**
 * `npm run bench:pages [-- --url http://127.0.0.1:3000] [--preset mobile|desktop|both] [--runs 1] [--build]`
 *
 * Lighthouse (from npm, offline) in Debian's Chromium against the production build: the landing
 * page, the marketplace and a listing page. Prints the performance and accessibility scores and
 * LCP / TBT / CLS per page. Targets: performance ≥ 90, accessibility 100; the run exits 1 when a
 * page misses one, so it can gate a release.
 *
 * Without --url it brings up a throw-away stack (scripts/lib/app-stack.ts: PGlite, anvil, the demo
 * seed, `next start`; run `npm run build` first, or pass --build to build under the lock the stack
 * holds, so that no test run replaces .next/ in between). Chromium comes from CHROME_PATH (default
 * /usr/bin/chromium) and runs with --headless=new --no-sandbox. With --runs above 1 each figure is
 * the median of the runs, which steadies the performance score on a busy machine.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { parseArgs } from "node:util";
import { startAppStack, type AppStack } from "./lib/app-stack";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    preset: { type: "string", default: "both" },
    runs: { type: "string", default: "1" },
    build: { type: "boolean", default: false },
  },
});
const presets = values.preset === "both" ? ["mobile", "desktop"] : [values.preset ?? "mobile"];
for (const p of presets) if (p !== "mobile" && p !== "desktop") throw new Error(`--preset must be mobile, desktop or both, not "${p}"`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error("--runs must be a whole number from 1 to 9");

const TARGET = { performance: 90, accessibility: 100 };

interface Figures {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Accessibility audits that failed, by id, so a score under 100 says what to fix. */
  failedA11y: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function audit(url: string, port: number, preset: string): Promise<Figures> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  const failedA11y = (categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  if (runtimeError) throw new Error(`Lighthouse could not load ${url}: ${runtimeError.code} ${runtimeError.message}`);
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    failedA11y,
  };
}

async function main() {
  let stack: AppStack | undefined;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let missed = 0;
  try {
    if (!values.url) {
      console.log("Starting a throw-away stack (PGlite, anvil, demo seed, next start)…");
      stack = await startAppStack("bench-pages", { build: values.build });
    }
    const base = (values.url ?? stack?.appUrl ?? "").replace(/\/$/, "");
    const search = (await (await fetch(`${base}/api/v1/listings?limit=1`)).json()) as { items: { id: string }[] };
    const listing = search.items[0];
    if (!listing) throw new Error("The marketplace has no listing to benchmark; seed the database first.");
    const pages: [string, string][] = [
      ["landing", "/"],
      ["marketplace", "/marketplace"],
      ["listing", `/listings/${listing.id}`],
    ];
    // One unmeasured visit each, so the server's first render (route compilation, caches) is not measured.
    for (const [, path] of pages) await fetch(base + path);

    console.log(
      `\nLighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ""}against ${base}; targets: performance ≥ ${TARGET.performance}, accessibility ${TARGET.accessibility}\n`,
    );
    console.log(
      `${"preset".padEnd(8)} ${"page".padEnd(12)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"LCP ms".padStart(8)} ${"TBT ms".padStart(7)} ${"CLS".padStart(6)}`,
    );
    for (const preset of presets) {
      for (const [name, path] of pages) {
        const samples: Figures[] = [];
        for (let i = 0; i < runs; i++) samples.push(await audit(base + path, chrome.port, preset));
        const f: Figures = {
          performance: median(samples.map((s) => s.performance)),
          accessibility: median(samples.map((s) => s.accessibility)),
          lcpMs: median(samples.map((s) => s.lcpMs)),
          tbtMs: median(samples.map((s) => s.tbtMs)),
          cls: median(samples.map((s) => s.cls)),
          failedA11y: [...new Set(samples.flatMap((s) => s.failedA11y))],
        };
        const ok = f.performance >= TARGET.performance && f.accessibility >= TARGET.accessibility;
        if (!ok) missed++;
        console.log(
          `${preset.padEnd(8)} ${name.padEnd(12)} ${String(f.performance).padStart(5)} ${String(f.accessibility).padStart(5)} ${Math.round(f.lcpMs).toString().padStart(8)} ${Math.round(f.tbtMs).toString().padStart(7)} ${f.cls.toFixed(3).padStart(6)}${ok ? "" : "  below target"}${f.failedA11y.length ? `  (failed: ${f.failedA11y.join(", ")})` : ""}`,
        );
      }
    }
  } finally {
    chrome.kill();
    await stack?.stop();
  }
  console.log(missed === 0 ? "\nEvery page meets the targets." : `\n${missed} page result(s) below target.`);
  process.exit(missed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
