import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import path from "node:path";
import os from "node:os";
import { startPglite } from "./services";
import { freePort, Supervisor } from "./supervisor";

// Many clients running parameterised (extended protocol) queries at once on one embedded
// PGlite: every answer must belong to the query that asked it.
describe("embedded PGlite under concurrent clients", () => {
  const sup = new Supervisor(path.join(os.tmpdir(), `pglite-groups-${process.pid}.json`));
  let url = "";
  beforeAll(async () => {
    url = await startPglite(sup, {
      dataDir: "memory://",
      port: await freePort(),
      logFile: path.join(os.tmpdir(), `pglite-groups-${process.pid}.log`),
    });
  }, 60_000);
  afterAll(async () => {
    await sup.stopAll();
  });

  it("never mixes up the statements of different connections", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    try {
      const results = await Promise.all(
        Array.from({ length: 400 }, async (_, i) => {
          const { rows } = await pool.query<{ n: number; tag: string }>("SELECT $1::int AS n, $2::text AS tag", [i, `q${i}`]);
          return rows[0];
        }),
      );
      results.forEach((row, i) => expect(row).toEqual({ n: i, tag: `q${i}` }));
    } finally {
      await pool.end();
    }
  }, 60_000);

  it("keeps a transaction's statements together while others query", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 6 });
    try {
      await pool.query("CREATE TABLE IF NOT EXISTS counters (id int PRIMARY KEY, n int NOT NULL)");
      await pool.query("INSERT INTO counters VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0");
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query<{ n: number }>("SELECT n FROM counters WHERE id = $1", [1]);
            await client.query("UPDATE counters SET n = $1 WHERE id = $2", [(rows[0]?.n ?? 0) + 1, 1]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
          return pool.query("SELECT $1::int AS i", [i]);
        }),
      );
      const { rows } = await pool.query<{ n: number }>("SELECT n FROM counters WHERE id = 1");
      expect(rows[0]?.n).toBe(40);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
