import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** One client per process; kept on globalThis so dev hot reloads do not open a new pool each time. */
const globalForDb = globalThis as unknown as { idlegridDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.idlegridDb ?? new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });

if (env.NODE_ENV !== "production") globalForDb.idlegridDb = db;
