import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI runs its JavaScript schema engine through the same driver adapter as
// the app, so `migrate deploy` needs no native binary (offline-safe).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL must be set for Prisma CLI commands");
    // A short idle timeout lets the CLI exit as soon as it is done instead of
    // waiting for pg's default 10 s pool timeout.
    return new PrismaPg({ connectionString, idleTimeoutMillis: 200 });
  },
});
