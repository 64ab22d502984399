/**
 * Run by `npm run dev` after seeding, when it started a fresh local chain (genesis 30 days back):
 * a month of rentals paid through the escrow at past block times (dev/demo-history.ts), so
 * the dashboards start with history. Local chain only: it sets the chain's block times.
 * Needs the react-server condition (tsx --conditions=react-server) to load the domains' server/ parts.
 */
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { demoAccounts } from "@/dev/demo-roster";
import { db } from "@/lib/core/server/db";
import { demoParticipants, writeDemoHistory } from "@/dev/demo-history";

if (!isLocalChain(env.CHAIN_ID)) throw new Error(`demo history sets block times: chain ${env.CHAIN_ID} is not the local chain`);
const buyer = demoAccounts.find((a) => a.role === "buyer");
const providers = demoAccounts.filter((a) => a.role === "provider").map((a) => a.address);
try {
  const participants = await demoParticipants(buyer?.address ?? "", providers);
  const { rentals } = await writeDemoHistory({ rpcUrl: env.RPC_URL, ...participants });
  console.log(
    rentals > 0
      ? `wrote ${rentals} past rentals paid through the escrow`
      : "demo history skipped (already written, or no room on the chain's clock)",
  );
} finally {
  await db.$disconnect();
}
