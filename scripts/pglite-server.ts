/**
 * Embedded PostgreSQL for development and tests: PGlite (Postgres compiled to
 * WASM) served over the Postgres wire protocol, so Prisma's pg adapter talks
 * to it exactly as it would to a real server.
 *
 *   tsx scripts/pglite-server.ts --db .data/pglite --port 54329
 *
 * `--db memory://` gives a throw-away database. Exits when its parent dies so
 * a killed `npm run dev` never leaves an orphan holding the port.
 */
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { groupExtendedQueries } from "./lib/pglite-sync-groups";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "memory://" },
    port: { type: "string", default: "54329" },
    host: { type: "string", default: "127.0.0.1" },
    // PGlite runs one session and the socket server queues every client onto it, so a socket is
    // cheap; the cap only has to exceed what the app's pool, the indexer's pool, the CLI and test
    // clients open together (10 was not: a second browser context made the server drop sockets).
    "max-connections": { type: "string", default: "64" },
  },
});

const db = await PGlite.create(values.db);
const server = new PGLiteSocketServer({
  db,
  port: Number(values.port),
  host: values.host,
  maxConnections: Number(values["max-connections"]),
});
groupExtendedQueries(server);
await server.start();
process.stdout.write(`pglite listening on ${values.host}:${values.port}\n`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Closing PGlite flushes its files; skipping it is what corrupts a data dir.
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop(0);
}, 1000).unref();
