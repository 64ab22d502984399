/**
 * `npm run dev`'s simulated machine agents: for the demo providers' live NVIDIA listings, the real
 * idlegrid-agent (agent/main.ts) runs with the fake nvidia-smi first on PATH and a GPU profile that
 * matches the listing, so heartbeats, "online now" and uptime exist from the first start. Each agent
 * has its own IDLEGRID_AGENT_HOME under .data/agents/<machine id>; it is paired the way a provider
 * pairs one (a one-time code, here written straight into the database, then `pair <code>`), and only
 * again when its credential no longer works (a fresh database). One of them goes offline now and
 * then and comes back, so the offline state and the provider's notice can be seen.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { fakeProfileFor } from "../../dev/agent-profiles";
import { demoAccounts } from "../../dev/demo-roster";
import { newPairingCode, pairingCodeHash, PAIRING_CODE_TTL_MS } from "../../lib/machines/secrets";
import { root, runNode } from "./services";
import type { Supervisor } from "./supervisor";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const agentMain = path.join(root, "agent", "main.ts");

/** The flapping agent is stopped this long (past the 2-minute offline threshold), then runs this long. */
const FLAP = { offMs: 4 * 60_000, onMs: 8 * 60_000 } as const;

interface DemoMachine {
  id: string;
  providerId: string;
  gpuModel: string;
  gpuCount: number;
  cudaVersion: number;
  driverVersion: string;
}

/** Up to `count` live NVIDIA listings of the demo providers, taken in turn from each provider. */
async function demoMachines(client: pg.Client, count: number): Promise<DemoMachine[]> {
  const providers = demoAccounts.filter((a) => a.role === "provider").map((a) => a.address);
  const { rows } = await client.query<DemoMachine & { address: string }>(
    `SELECT m.id, m."providerId", m."gpuModel", m."gpuCount", m."cudaVersion", m."driverVersion", u.address
       FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
      WHERE m.status = 'LIVE' AND m."cudaVersion" > 0 AND u.address = ANY($1)
      ORDER BY m."createdAt", m.id`,
    [providers],
  );
  const simulated = rows.filter((m) => fakeProfileFor(m) !== null);
  const byProvider = providers.map((p) => simulated.filter((m) => m.address === p));
  const picked: DemoMachine[] = [];
  for (let i = 0; picked.length < count && byProvider.some((list) => i < list.length); i++) {
    for (const list of byProvider) if (list[i] && picked.length < count) picked.push(list[i] as DemoMachine);
  }
  return picked;
}

function agentEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    IDLEGRID_AGENT_HOME: home,
    IDLEGRID_FAKE_GPU_PROFILE: path.join(home, "profile.json"),
    PATH: `${path.join(root, "agent", "fake")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
}

/** Whether the agent in `home` holds a credential this database still accepts for this server. */
async function stillPaired(client: pg.Client, home: string, appUrl: string): Promise<boolean> {
  const file = path.join(home, "config.json");
  if (!existsSync(file)) return false;
  try {
    const config = JSON.parse(readFileSync(file, "utf8")) as { server?: string; credential?: string };
    if (config.server !== appUrl || !config.credential) return false;
    const hash = createHash("sha256").update(config.credential).digest("hex");
    const { rowCount } = await client.query(`SELECT 1 FROM "AgentCredential" WHERE hash = $1 AND "revokedAt" IS NULL`, [hash]);
    return rowCount === 1;
  } catch {
    return false;
  }
}

async function pair(client: pg.Client, machine: DemoMachine, home: string, appUrl: string): Promise<void> {
  const code = newPairingCode();
  await client.query(
    `INSERT INTO "AgentPairingCode" (id, "codeHash", "machineId", "createdById", "expiresAt") VALUES ($1, $2, $3, $4, $5)`,
    [`devpair-${randomUUID()}`, pairingCodeHash(code), machine.id, machine.providerId, new Date(Date.now() + PAIRING_CODE_TTL_MS)],
  );
  await runNode([tsxCli, agentMain, "pair", code, "--server", appUrl, "--force"], agentEnv(home), { quiet: true });
}

/**
 * Pairs (where needed) and starts the simulated agents as children of `sup`; they are not watched, so
 * one that stops does not stop `npm run dev`. Returns how many run and which one flaps.
 */
export async function startDevAgents(
  sup: Supervisor,
  opts: { databaseUrl: string; appUrl: string; dataDir: string; count: number },
): Promise<{ started: number; flapping: string | null }> {
  if (opts.count <= 0) return { started: 0, flapping: null };
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  let machines: DemoMachine[];
  try {
    machines = await demoMachines(client, opts.count);
    await Promise.all(
      machines.map(async (m) => {
        const home = path.join(opts.dataDir, "agents", m.id);
        mkdirSync(home, { recursive: true, mode: 0o700 });
        writeFileSync(path.join(home, "profile.json"), JSON.stringify(fakeProfileFor(m), null, 2));
        if (!(await stillPaired(client, home, opts.appUrl))) await pair(client, m, home, opts.appUrl);
      }),
    );
  } finally {
    await client.end();
  }
  const logFile = (m: DemoMachine) => path.join(opts.dataDir, "logs", "agents", `${m.id}.log`);
  const start = (m: DemoMachine) =>
    sup.spawn(`agent-${m.id}`, process.execPath, [tsxCli, agentMain, "run"], {
      env: agentEnv(path.join(opts.dataDir, "agents", m.id)),
      logFile: logFile(m),
    });
  for (const m of machines.slice(1)) start(m);

  const flapper = machines[0];
  if (flapper) {
    // Stopped and restarted like a host that reboots or loses its network: offline, a notice, back online.
    const cycle = () => {
      const proc = start(flapper);
      setTimeout(() => {
        try {
          if (proc.pid !== undefined && proc.exitCode === null) process.kill(-proc.pid, "SIGTERM");
        } catch {
          // already gone (it exited by itself): the next cycle starts it again all the same
        }
        setTimeout(cycle, FLAP.offMs);
      }, FLAP.onMs);
    };
    cycle();
  }
  return { started: machines.length, flapping: flapper?.id ?? null };
}
