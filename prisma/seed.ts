/**
 * `npm run db:seed`: demo data for an empty database (see dev/demo-seed.ts).
 * Run with the react-server condition so server-only modules load outside Next.
 */
import { db } from "@/lib/core/server/db";
import { seedDemoData } from "@/dev/demo-seed";

try {
  const result = await seedDemoData();
  console.log(result ? `seeded ${result.users} users and ${result.machines} listings` : "database already has data; seed skipped");
} finally {
  await db.$disconnect();
}
