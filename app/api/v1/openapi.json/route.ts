/**
 * The v1 API described as OpenAPI 3.1. Request bodies come straight from the zod schemas the
 * handlers parse with, response bodies from the zod schemas the server's types come from
 * (components.ts), so the document cannot drift from the code; openapi.test.ts validates it with
 * a maintained OpenAPI validator and checks every route is in it. Each domain's paths are in their
 * own module, one `operation({...})` per method (builder.ts).
 */
import { NextResponse } from "next/server";
import { accessPaths } from "@/app/api/v1/openapi.json/access-paths";
import { securitySchemes, withSecurity } from "@/app/api/v1/openapi.json/security";
import { accountPaths } from "@/app/api/v1/openapi.json/account-paths";
import { agentPaths } from "@/app/api/v1/openapi.json/agent-paths";
import { componentSchemas } from "@/app/api/v1/openapi.json/builder";
import { jobPaths } from "@/app/api/v1/openapi.json/jobs-paths";
import { listingPaths } from "@/app/api/v1/openapi.json/listings-paths";
import { notificationPaths } from "@/app/api/v1/openapi.json/notifications-paths";
import { orderPaths } from "@/app/api/v1/openapi.json/orders-paths";

export const dynamic = "force-static";

const document = {
  openapi: "3.1.0",
  info: {
    title: "Idlegrid API",
    version: "1",
    description:
      "Marketplace search, listings, rentals paid through an on-chain escrow, training jobs and offers. Money is always a string of token base units. " +
      "Calls are made with the session cookie from Sign-In with Ethereum (writes also need an Origin header of this site) or with an API key " +
      "as `Authorization: Bearer igk_…`, within the key's scopes; each operation's security names the scope.",
  },
  tags: [
    { name: "Listings", description: "Search, listings and their lifecycle, reports" },
    { name: "Orders", description: "Rentals, their escrow actions and disputes" },
    { name: "Jobs", description: "Training jobs, the job board and offers" },
    { name: "Notifications", description: "The signed-in user's inbox" },
    { name: "Account", description: "The signed-in user's SSH keys and receipts" },
    { name: "Chain", description: "The chain, the contracts and the local faucet" },
    { name: "API keys", description: "Keys for scripts: Authorization: Bearer <key>, within the key's scopes" },
    { name: "Webhooks", description: "Signed HTTP callbacks for order, offer, job and listing events" },
    { name: "Agent", description: "The machine agent on a provider's host, and connecting it to a listing" },
  ],
  paths: withSecurity({
    ...listingPaths,
    ...orderPaths,
    ...jobPaths,
    ...notificationPaths,
    ...accountPaths,
    ...accessPaths,
    ...agentPaths,
  }),
  components: {
    schemas: componentSchemas(),
    securitySchemes: {
      ...securitySchemes,
      agentCredential: { type: "http", scheme: "bearer", description: "The machine-scoped credential POST /api/v1/agent/pair returns" },
    },
  },
};

export function GET() {
  return NextResponse.json(document);
}
