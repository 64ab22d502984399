import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/env";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

interface Database {
  pool: pg.Pool;
  client: PrismaClient;
}

function connect(): Database {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
  // Prisma shares the pool, so `db.$disconnect()` still closes every connection.
  return { pool, client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

/** One pool and client per process; kept on globalThis so dev hot reloads do not open a new pool each time. */
const globalForDb = globalThis as unknown as { idlegridDb?: Database };
const database = globalForDb.idlegridDb ?? connect();
if (env.NODE_ENV !== "production") globalForDb.idlegridDb = database;

export const db: PrismaClient = database.client;

const TIMESTAMP_OID = 1114;

/**
 * Prisma stores DateTime as `timestamp(3)` holding UTC; pg's default parser would read it in
 * the server's local time zone. Only that type differs from what the queries below expect:
 * they cast money, TFLOPS and other exact decimals to text themselves.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID && format !== "binary") return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Runs a hand-written read straight on the driver, skipping Prisma's raw-query layer. Only for
 * the public search, the hottest read: its SQL is written out anyway (search-sql.ts), and
 * Prisma's raw path measured about 0.5 ms per search over the driver (items and count: 1.2-1.6
 * against 0.8-0.9 ms; README, "Search benchmark"). Writes and everything else go through `db`.
 */
export async function queryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await database.pool.query({ text: query.text, values: query.values, types });
  return result.rows as Row[];
}
