/**
 * `npm run db:seed`: demo data for an empty database (see dev/demo-seed.ts).
 * Run with the react-server condition so server-only modules load outside Next.
 */
import { db } from "@/lib/core/server/db";
import { seedDemoData } from "@/dev/demo-seed";

try {
  const result = await seedDemoData();
  console.log(result ? `seeded ${result.users} users and ${result.machines} listings` : "database already has data; seed skipped");
} catch (error) {
  // The refusal on a chain that is not local (dev/demo-seed.ts) is a message for a person, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
