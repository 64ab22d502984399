/**
 * The demo seed makes well-known anvil accounts users (one an ADMIN), so it runs only for the local chain:
 * on any other CHAIN_ID it refuses before touching the database, with a message a person can act on, and
 * `npm run db:seed` (prisma/seed.ts) exits 1 saying so.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/dev/demo-roster";
import { demoSeedRefusal, seedDemoData } from "@/dev/demo-seed";
import { db } from "@/lib/core/server/db";

const admin = demoAccounts.find((a) => a.role === "admin");

describe("demo seed outside the local chain", () => {
  it("has nothing to say on the local chain and refuses every other one", () => {
    expect(demoSeedRefusal(31337)).toBeNull();
    for (const chainId of [1, 8453, 84532, 11155111]) {
      expect(demoSeedRefusal(chainId)).toMatch(
        new RegExp(`^Refusing to seed demo data: CHAIN_ID is ${chainId}, not the local chain 31337\\.`),
      );
    }
  });

  it("refuses on Base before counting users, and creates no demo admin", async () => {
    const before = await db.user.count({ where: { address: getAddress(admin!.address) } });
    await expect(seedDemoData(8453)).rejects.toThrow(/Refusing to seed demo data: CHAIN_ID is 8453/);
    expect(await db.user.count({ where: { address: getAddress(admin!.address) } })).toBe(before);
  });

  it("npm run db:seed exits 1 with the refusal when CHAIN_ID is not local", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const run = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "prisma/seed.ts"],
      {
        cwd: root,
        env: { ...process.env, CHAIN_ID: "8453" },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to seed demo data: CHAIN_ID is 8453, not the local chain 31337/);
    expect(run.stdout).not.toMatch(/seeded/);
  });
});
