import "server-only";
/**
 * One indexer per (chain, contract): a PostgreSQL session advisory lock held on a dedicated
 * connection for as long as the indexer runs. Pooled connections cannot hold a session lock
 * (the pool hands them to others), hence the separate client. If that connection drops, the
 * lock is gone too, so `lost` turns true and the runner stops applying until it gets it back.
 * The cursor compare in indexer.ts is the second line of defence.
 *
 * Embedded PGlite (dev and the default test database) runs every connection in ONE backend
 * session: advisory locks there are re-entrant, and a killed holder's lock would never be freed.
 * So on PGlite no session lock is taken (`embedded: true`); the cursor row lock and compare in
 * indexer.ts still keep two indexers from applying a range twice, they just both keep polling.
 */
import pg from "pg";
import { keccak256, stringToHex } from "viem";

/** A stable signed 64-bit key per chain and contract. */
export function lockKey(chainId: number, contract: string): bigint {
  return BigInt.asIntN(64, BigInt(keccak256(stringToHex(`idlegrid-indexer:${chainId}:${contract.toLowerCase()}`)).slice(0, 18)));
}

export interface IndexerLock {
  readonly lost: boolean;
  /** True on PGlite, where no session lock exists (see above). */
  readonly embedded: boolean;
  release(): Promise<void>;
}

/** The lock, or null when another process holds it. */
export async function tryIndexerLock(databaseUrl: string, chainId: number, contract: string): Promise<IndexerLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  let lost = false;
  client.on("error", () => {
    lost = true;
  });
  client.on("end", () => {
    lost = true;
  });
  await client.connect();
  const key = lockKey(chainId, contract).toString();
  let embedded = false;
  try {
    const version = await client.query<{ version: string }>("SELECT version() AS version");
    embedded = /PGlite/.test(version.rows[0]?.version ?? "");
    if (embedded) {
      await client.end();
      return { lost: false, embedded, release: async () => {} };
    }
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    embedded,
    get lost() {
      return lost;
    },
    async release() {
      if (lost) return;
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
