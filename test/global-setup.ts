/**
 * Gives the unit and integration tests a real database and a real chain:
 * - DATABASE_URL set: a fresh database on that PostgreSQL server, dropped afterwards;
 * - otherwise: a throw-away in-memory PGlite served over the wire protocol.
 * Either way the committed migrations are applied, never `db push`. A fresh anvil
 * with the test stablecoin deployed backs chain tests. The resulting variables
 * are exported to the test workers through process.env.
 */
import os from "node:os";
import path from "node:path";
import { deployLocal } from "../scripts/lib/deploy-local";
import { createTempDatabase, migrate, startAnvil, startPglite } from "../scripts/lib/services";
import { freePort, Supervisor } from "../scripts/lib/supervisor";

export default async function setup() {
  const tmp = path.join(os.tmpdir(), `idlegrid-vitest-${process.pid}`);
  const sup = new Supervisor(path.join(tmp, "pids.json"));
  let dropDatabase: (() => Promise<void>) | undefined;

  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const db = await createTempDatabase(process.env.DATABASE_URL, "idlegrid_test");
    databaseUrl = db.url;
    dropDatabase = db.drop;
  } else {
    databaseUrl = await startPglite(sup, { dataDir: "memory://", port: await freePort(), logFile: path.join(tmp, "db.log") });
  }
  await migrate(databaseUrl);

  const rpcUrl = await startAnvil(sup, { port: await freePort(), logFile: path.join(tmp, "chain.log") });
  const { token, escrow } = await deployLocal(rpcUrl);

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    RPC_URL: rpcUrl,
    CHAIN_ID: "31337",
    TOKEN_ADDRESS: token,
    ESCROW_ADDRESS: escrow,
    NODE_ENV: "test",
    // Tests play a deployment behind one reverse proxy: X-Forwarded-For's last entry names the client,
    // so each test's random address gets its own rate limits (test/auth.ts randomIp).
    TRUSTED_PROXY_HOPS: "1",
  });

  return async () => {
    await sup.stopAll();
    await dropDatabase?.();
  };
}
