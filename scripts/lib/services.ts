/**
 * The pieces a local stack is made of: embedded Postgres, a local chain, the
 * migrations and the seed. `npm run dev`, the e2e server and the test setup
 * compose them; each only starts what it is asked to.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { portInUse, waitFor, type Supervisor } from "./supervisor";

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, "..", "..");
const tsxCli = require.resolve("tsx/cli");

function anvilBinary(): string {
  // The @foundry-rs/anvil launcher always exits 0, so call the platform binary directly.
  const pkg = `@foundry-rs/anvil-${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "bin", "anvil");
  } catch {
    throw new Error(`The anvil binary for this platform (${pkg}) is not installed; run npm install.`);
  }
}

async function assertPortFree(port: number, what: string) {
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is taken by another program, so ${what} cannot start there. Stop that program or choose another port.`);
  }
}

export async function startPglite(sup: Supervisor, opts: { dataDir: string; port: number; logFile?: string }): Promise<string> {
  await assertPortFree(opts.port, "the embedded database");
  sup.spawn(
    "db",
    process.execPath,
    [tsxCli, path.join(root, "scripts", "pglite-server.ts"), "--db", opts.dataDir, "--port", String(opts.port)],
    {
      logFile: opts.logFile,
    },
  );
  const url = `postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`;
  await waitFor("the embedded database", () => canQuery(url), 60_000);
  return url;
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startAnvil(
  sup: Supervisor,
  opts: { port: number; statePath?: string; logFile?: string; genesisTimestamp?: number },
): Promise<string> {
  await assertPortFree(opts.port, "the local chain");
  const args = ["--port", String(opts.port), "--host", "127.0.0.1", "--chain-id", "31337"];
  // A clock that starts in the past: blocks follow on from it until something sets a later time.
  if (opts.genesisTimestamp !== undefined) args.push("--timestamp", String(opts.genesisTimestamp));
  // Dumped every few seconds and on exit, so a restart keeps balances and contracts.
  if (opts.statePath) args.push("--state", opts.statePath, "--state-interval", "5");
  sup.spawn("chain", anvilBinary(), args, { logFile: opts.logFile });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor("the local chain", () => rpcAnswers(url), 30_000);
  return url;
}

async function rpcAnswers(url: string): Promise<boolean> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return res.ok;
}

/** Runs a Node script (TypeScript through tsx, or the Prisma CLI) to completion. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, opts: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(args[args.length > 2 ? 2 : 0] ?? "node")} failed (exit ${code}):\n${output}`));
    });
    if (!opts.quiet) child.stdout.pipe(process.stdout);
  });
}

export function runTs(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<string> {
  // react-server resolves `server-only` to its empty build, so scripts can use the domains' server/ parts.
  return runNode([tsxCli, "--conditions=react-server", path.join(root, script), ...args], env, { quiet: true });
}

/** Starts the escrow indexer (scripts/indexer.ts) as a supervised child, when an escrow is configured. */
export function startIndexer(sup: Supervisor, env: NodeJS.ProcessEnv, opts: { logFile?: string; prefix?: string } = {}): boolean {
  if (!env.ESCROW_ADDRESS) return false;
  sup.spawn("indexer", process.execPath, [tsxCli, "--conditions=react-server", path.join(root, "scripts", "indexer.ts")], { env, ...opts });
  return true;
}

/** `prisma migrate deploy`: applies committed migrations only, never `db push`. */
export function migrate(databaseUrl: string): Promise<string> {
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  return runNode(
    ["-r", path.join(root, "scripts", "prisma-preload.cjs"), cli, "migrate", "deploy"],
    { ...process.env, DATABASE_URL: databaseUrl },
    { quiet: true },
  );
}

/**
 * Regenerates the Prisma client when prisma/schema.prisma changed since it was generated (npm install
 * generates it once; a pull that brings a schema change would otherwise leave a client that rejects
 * the new columns at run time). Returns whether it regenerated.
 */
export async function generateClientIfStale(): Promise<boolean> {
  const schema = createHash("sha256")
    .update(readFileSync(path.join(root, "prisma", "schema.prisma")))
    .digest("hex");
  const stamp = path.join(root, "lib", "generated", "prisma", ".schema-sha256");
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === schema) return false;
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  // The generator needs no database; the URL only satisfies the datasource block.
  await runNode(
    ["-r", path.join(root, "scripts", "prisma-preload.cjs"), cli, "generate"],
    { DATABASE_URL: "postgresql://localhost/generate-only", ...process.env },
    { quiet: true },
  );
  writeFileSync(stamp, `${schema}\n`);
  return true;
}

/** A fresh database on the server of `serverUrl`, for one test run; `drop` removes it. */
export async function createTempDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * The environment of a production-mode app on a throw-away local stack (browser tests, benchmarks,
 * screenshots). Every client there signs in from 127.0.0.1, so the per-client nonce, sign-in and search
 * limits are raised: they would throttle the suite, not an attacker. The landing figures refresh every
 * second instead of every 30.
 */
export function localStackEnv(stack: {
  databaseUrl: string;
  rpcUrl: string;
  token: string;
  escrow: string;
  appUrl: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: stack.databaseUrl,
    RPC_URL: stack.rpcUrl,
    CHAIN_ID: "31337",
    TOKEN_ADDRESS: stack.token,
    ESCROW_ADDRESS: stack.escrow,
    APP_URL: stack.appUrl,
    AUTH_NONCES_PER_MINUTE: "10000",
    AUTH_VERIFY_PER_MINUTE: "10000",
    SEARCH_REQUESTS_PER_MINUTE: "1000000",
    // Browser tests change listings and then read the landing figures: refresh them every second.
    LANDING_STATS_FRESH_SECONDS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
