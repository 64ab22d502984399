// @ts-check
/**
 * The one place environment variables are read. Both schemas are parsed once,
 * at start-up (next.config.js imports this file, so a bad value fails
 * `next build`/`next start` before anything serves), and every problem is
 * reported with the variable's name. Everything else imports `env`.
 */
import { z } from "zod";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address");

const addressList = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .pipe(z.array(address));

const supportedChainIds = [31337, 8453, 84532, 1, 11155111];

/**
 * Confirmations the indexer waits for when INDEXER_CONFIRMATIONS is not set, per chain:
 * - Ethereum (1) and Sepolia: 12 blocks (~2.4 min). Post-merge reorgs deeper than a block or two are
 *   very rare; 12 is the long-standing exchange convention, well before finality (~64 blocks, 13 min).
 * - Base and Base Sepolia: 5 blocks (10 s at 2 s blocks). One sequencer orders an OP Stack chain, so its
 *   unsafe head reorgs only when the sequencer itself misbehaves or a batch fails to post; a few blocks
 *   cover the hiccups seen in practice, and waiting for the L1 "safe" head would take minutes per payment.
 * - the local anvil (31337): 1 block. One node, no peers: it never reorgs unless a test asks it to.
 */
export const defaultConfirmations = /** @type {Record<number, number>} */ ({ 1: 12, 11155111: 12, 8453: 5, 84532: 5, 31337: 1 });

const serverFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (npm run dev sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
  RPC_URL: z.url({ error: "is required and must be an http(s) JSON-RPC URL" }),
  CHAIN_ID: z.coerce
    .number({ error: "is required" })
    .int()
    .refine((id) => supportedChainIds.includes(id), `must be one of ${supportedChainIds.join(", ")}`),
  TOKEN_ADDRESS: address,
  ESCROW_ADDRESS: address.optional(),
  ADMIN_ADDRESSES: addressList,
  /** Required in production: it binds Sign-In with Ethereum to the domain and turns Secure cookies on. */
  APP_URL: z.url().optional(),
  /** An RPC URL browsers may use; RPC_URL can carry an API key and stays on the server. */
  PUBLIC_RPC_URL: z.url().optional(),
  /** Blocks an escrow event must be buried under before the indexer applies it (1 = the block that
   * includes it). Unset: the chain's default above. */
  INDEXER_CONFIRMATIONS: z.coerce.number().int().min(1).max(100).optional(),
  /** Sign-in nonces one client address may request per minute (the rate limit of GET /api/auth/nonce). */
  AUTH_NONCES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Sign-in attempts (POST /api/auth/verify) one client address may make per minute. */
  AUTH_VERIFY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Marketplace searches through the API (GET /api/v1/listings) one client address may make per minute. */
  SEARCH_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /**
   * Reverse proxies in front of the app that append the address they saw to X-Forwarded-For. 0 (the
   * default): the header is never trusted, since any client can send one, and all clients share one rate
   * limit bucket. N: the N-th address from the right is the client (lib/core/server/client-address.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** How long a new order holds its GPUs while the buyer pays; after that the capacity is free again. */
  ORDER_PAYMENT_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** How old the landing page's market figures may be, in seconds, before an instance recomputes them. */
  LANDING_STATS_FRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Port on 127.0.0.1 where the indexer process serves its Prometheus metrics. Unset: none. */
  INDEXER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** First block the indexer reads when it has no cursor yet: the escrow's deployment block. */
  INDEXER_START_BLOCK: z.coerce.bigint().min(0n).default(0n),
  /** Machine agent: a machine is marked offline (and its provider told) after this long without a heartbeat. */
  AGENT_OFFLINE_AFTER_SECONDS: z.coerce.number().int().min(2).max(86_400).default(120),
  /** Requests one agent credential may make per minute (heartbeats every 30 s need 2). */
  AGENT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Days the 5-minute heartbeat samples are kept. */
  AGENT_SAMPLE_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(14),
  /** Requests one API key may make per minute (issue 16), counted in the database so it holds across instances. */
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
});

export const serverSchema = serverFields
  .superRefine((value, ctx) => {
    // A silent localhost default in production turns Secure cookies off and binds SIWE to the wrong domain.
    if (value.NODE_ENV === "production" && !value.APP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "is required in production (the public URL, e.g. https://idlegrid.example.com)",
      });
    }
  })
  .transform((value) => ({
    ...value,
    APP_URL: value.APP_URL ?? "http://localhost:3000",
    INDEXER_CONFIRMATIONS: value.INDEXER_CONFIRMATIONS ?? defaultConfirmations[value.CHAIN_ID] ?? 12,
  }));

export const clientSchema = z.object({
  NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: z.string().min(1).optional(),
  /** Block explorer for transaction links when the chain's default (Basescan, Etherscan) is not wanted; none on anvil. */
  NEXT_PUBLIC_EXPLORER_URL: z.url().optional(),
});

/**
 * @template {z.ZodType} S
 * @param {S} schema
 * @param {Record<string, string | undefined>} source
 * @returns {z.output<S>}
 */
export function parseEnv(schema, source) {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example for what each one means.`);
  }
  return result.data;
}

const isServer = typeof window === "undefined";

/** @type {z.output<typeof serverSchema>} */
export const env = isServer ? parseEnv(serverSchema, process.env) : /** @type {never} */ (undefined);

export const clientEnv = parseEnv(clientSchema, {
  // Listed one by one: Next inlines NEXT_PUBLIC_ variables only when named literally.
  NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID,
  NEXT_PUBLIC_EXPLORER_URL: process.env.NEXT_PUBLIC_EXPLORER_URL,
});
