/**
 * The v1 API described as OpenAPI 3.1. Request bodies come straight from the zod schemas the
 * handlers use (z.toJSONSchema, input side), so the document cannot drift from validation.
 */
import { NextResponse } from "next/server";
import { z } from "zod";
import { gpuModelIds } from "@/lib/listings/gpu-catalog";
import { createListingSchema, statusChangeSchema, updateListingSchema } from "@/lib/listings/schema";
import { DEFAULT_LIMIT, MAX_LIMIT, sorts } from "@/lib/listings/search-schema";
import { disputeStatementSchema } from "@/lib/orders/dispute-schema";
import { createOrderSchema, startOrderSchema, transitionSchema } from "@/lib/orders/schema";
import { createSshKeySchema } from "@/lib/account/ssh-key";
import { jobPaths, jobSchemas } from "@/app/api/v1/openapi.json/jobs-paths";
import { notificationPaths, notificationSchema } from "@/app/api/v1/openapi.json/notifications-paths";

export const dynamic = "force-static";

const body = (schema: z.ZodType) => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  void $schema;
  return rest;
};

const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "query", required: false, description, schema });

const listing = {
  type: "object",
  properties: {
    id: { type: "string" },
    gpuModel: { type: "string", enum: gpuModelIds },
    gpuName: { type: "string" },
    gpuCount: { type: "integer" },
    vramGb: { type: "integer", description: "per GPU" },
    tflopsPerGpu: { type: "string", description: "dense FP16/BF16 TFLOPS, decimal text" },
    totalTflops: { type: "string" },
    cpuCores: { type: "integer" },
    ramGb: { type: "integer" },
    diskGb: { type: "integer" },
    uploadMbps: { type: "integer" },
    downloadMbps: { type: "integer" },
    country: { type: "string", description: "ISO 3166-1 alpha-2" },
    city: { type: "string" },
    cudaVersion: { type: ["string", "null"], examples: ["12.4"] },
    driverVersion: { type: "string" },
    pricePerGpuHour: { type: "string", description: "token base units (6 decimals for USDC) per GPU-hour", examples: ["1850000"] },
    pricePerTflopHour: { type: "string", description: "token units per TFLOP-hour", examples: ["0.002214"] },
    minHours: { type: "integer" },
    maxHours: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    provider: { type: "object", properties: { address: { type: "string" }, reliability: { type: "integer", minimum: 0, maximum: 100 } } },
    status: { type: "string", enum: ["DRAFT", "PENDING_REVIEW", "LIVE", "PAUSED", "REJECTED", "SUSPENDED", "ARCHIVED"] },
    description: { type: "string" },
    rejectionReason: { type: ["string", "null"], description: "owner and admins only" },
  },
};

const tx = {
  type: "object",
  description: "A transaction for the wallet to sign and send as is",
  properties: { description: { type: "string" }, to: { type: "string" }, data: { type: "string" }, value: { type: "string", description: "wei, always \"0\"" } },
};

const orderStatuses = ["PENDING_PAYMENT", "FUNDED", "ACTIVE", "COMPLETED", "PAID", "REFUNDED", "DISPUTED", "RESOLVED", "CANCELLED"];

const order = {
  type: "object",
  description:
    "FUNDED and every later status is set only when the indexer has read the escrow event from the chain; PENDING_PAYMENT and CANCELLED are off-chain.",
  properties: {
    id: { type: "string" },
    status: { type: "string", enum: orderStatuses },
    viewerRole: { type: "string", enum: ["buyer", "provider", "admin"] },
    listingId: { type: "string" },
    jobId: { type: ["string", "null"], description: "the training job this order settles; null for a rental" },
    buyer: { type: "string" },
    provider: { type: "string" },
    hours: { type: "integer" },
    gpuCount: { type: "integer" },
    pricePerGpuHour: { type: "string", description: "token base units" },
    amount: { type: "string", description: "token base units: pricePerGpuHour x gpuCount x hours", examples: ["9000000"] },
    chainId: { type: "integer" },
    tokenAddress: { type: "string" },
    escrowAddress: { type: "string" },
    orderId: { type: "string", description: "bytes32 the escrow is opened with" },
    escrowId: { type: "string", description: "keccak256(abi.encode(chainId, escrow, buyer, orderId))" },
    startDeadline: { type: "string", format: "date-time" },
    sshPublicKey: { type: ["string", "null"] },
    connection: {
      type: ["object", "null"],
      description: "buyer and admins only",
      properties: { host: { type: "string" }, port: { type: "integer" }, user: { type: "string" }, jupyterUrl: { type: ["string", "null"] } },
    },
    chainEvents: {
      type: "array",
      items: {
        type: "object",
        properties: {
          eventName: { type: "string" },
          txHash: { type: "string" },
          logIndex: { type: "integer" },
          blockNumber: { type: "string" },
          applied: { type: "boolean", description: "false: seen but did not match the order (reason in ignoredReason)" },
          ignoredReason: { type: ["string", "null"] },
        },
      },
    },
    txHints: { type: "array", items: { type: "string" }, description: "hashes clients reported; never proof" },
    transactions: { type: "array", items: tx, description: "for the buyer of a PENDING_PAYMENT order: approve, then open" },
    createdAt: { type: "string", format: "date-time" },
    fundedAt: { type: ["string", "null"], format: "date-time" },
    settledAt: { type: ["string", "null"], format: "date-time" },
  },
};

/** The one-transaction alternative to approve + open, when the token implements EIP-2612. */
const permit = {
  type: ["object", "null"],
  description: "null when the token has no EIP-2612 permit",
  properties: {
    description: { type: "string" },
    typedData: {
      type: "object",
      description: "EIP-712 typed data for eth_signTypedData_v4; uint256 values are decimal strings",
      properties: {
        domain: { type: "object", properties: { name: { type: "string" }, version: { type: "string" }, chainId: { type: "integer" }, verifyingContract: { type: "string" } } },
        types: { type: "object" },
        primaryType: { type: "string", const: "Permit" },
        message: { type: "object", properties: { owner: { type: "string" }, spender: { type: "string" }, value: { type: "string" }, nonce: { type: "string" }, deadline: { type: "string" } } },
      },
    },
    openWithPermit: {
      type: "object",
      description: "call the escrow's openWithPermit with these args followed by the signature's v, r, s",
      properties: {
        to: { type: "string" },
        value: { type: "string", const: "0" },
        signature: { type: "string" },
        args: { type: "object", properties: { orderId: { type: "string" }, provider: { type: "string" }, amount: { type: "string" }, startDeadline: { type: "string" }, permitDeadline: { type: "string" } } },
      },
    },
  },
};

const sshKey = {
  type: "object",
  properties: { id: { type: "string" }, label: { type: "string" }, publicKey: { type: "string" }, fingerprint: { type: "string", examples: ["SHA256:…"] }, createdAt: { type: "string", format: "date-time" } },
};

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string", examples: ["invalid_parameter", "not_found", "unauthenticated", "forbidden", "invalid_transition"] },
    message: { type: "string" },
    fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, examples: [{ cursor: ["cursor is not a value this API returned"] }] },
  },
};

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: { 400: "invalid parameter", 401: "not signed in", 403: "not allowed, or bad Origin", 404: "unknown id", 409: "transition not allowed from the current status" }[c], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

const document = {
  openapi: "3.1.0",
  info: {
    title: "Idlegrid API",
    version: "1",
    description:
      "Public marketplace search and provider listing management. Money is always a string of token base units. Writes need the session cookie from Sign-In with Ethereum and an Origin header of this site.",
  },
  paths: {
    "/api/v1/listings": {
      get: {
        summary: "Search live listings",
        parameters: [
          query("gpu", "GPU model id; repeat or comma-separate for several", { type: "string", enum: gpuModelIds }),
          query("minGpus", "minimum GPU count", { type: "integer", minimum: 1 }),
          query("minVram", "minimum VRAM per GPU in GB", { type: "integer", minimum: 1 }),
          query("maxPrice", "maximum price per GPU-hour as a decimal, e.g. 1.85", { type: "string" }),
          query("region", "country code", { type: "string", pattern: "^[A-Za-z]{2}$" }),
          query("minBandwidth", "minimum download Mbit/s", { type: "integer" }),
          query("minCuda", "minimum CUDA version, e.g. 12.4", { type: "string" }),
          query("minReliability", "minimum provider reliability 0-100", { type: "integer", minimum: 0, maximum: 100 }),
          query("sort", "price (default), value = price per TFLOP-hour, vram, tflops, newest", { type: "string", enum: sorts }),
          query("limit", `page size, default ${DEFAULT_LIMIT}`, { type: "integer", minimum: 1, maximum: MAX_LIMIT }),
          query("cursor", "nextCursor of the previous page (same sort)", { type: "string" }),
        ],
        responses: {
          200: json({
            type: "object",
            properties: {
              items: { type: "array", items: { $ref: "#/components/schemas/Listing" } },
              nextCursor: { type: ["string", "null"] },
              total: { type: "object", properties: { count: { type: "integer" }, capped: { type: "boolean", description: "true: more than count" } } },
            },
          }),
          ...errors(400),
        },
      },
      post: {
        summary: "Create a listing (draft, or submitted with submit: true)",
        requestBody: { required: true, ...json({ allOf: [body(createListingSchema), { type: "object", properties: { submit: { type: "boolean" } } }] }) },
        responses: { 201: json({ $ref: "#/components/schemas/Listing" }), ...errors(400, 401, 403) },
      },
    },
    "/api/v1/listings/{id}": {
      get: { summary: "One listing", parameters: [idParam], responses: { 200: json({ $ref: "#/components/schemas/Listing" }), ...errors(404) } },
      patch: {
        summary: "Edit a listing (hardware changes of a live listing send it back to review)",
        parameters: [idParam],
        requestBody: { required: true, ...json(body(updateListingSchema)) },
        responses: {
          200: json({ type: "object", properties: { listing: { $ref: "#/components/schemas/Listing" }, sentToReview: { type: "boolean" } } }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/api/v1/listings/{id}/status": {
      post: {
        summary: "Lifecycle transition",
        parameters: [idParam],
        requestBody: { required: true, ...json(body(statusChangeSchema)) },
        responses: { 200: json({ $ref: "#/components/schemas/Listing" }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/orders": {
      post: {
        summary: "Rent a listing: creates a PENDING_PAYMENT order with the amount computed by the server and the transactions to sign",
        requestBody: { required: true, ...json(body(createOrderSchema)) },
        description: "Pay either with `transactions` (approve, then open) or, when `permit` is not null, by signing its typed data and sending one openWithPermit transaction.",
        responses: { 201: json({ allOf: [{ $ref: "#/components/schemas/Order" }, { type: "object", properties: { permit } }] }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/me/ssh-keys": {
      get: { summary: "The signed-in user's saved SSH public keys", responses: { 200: json({ type: "object", properties: { keys: { type: "array", items: sshKey } } }), ...errors(401) } },
      post: {
        summary: "Save an SSH public key (ssh-ed25519, ssh-rsa of 2048+ bits, ecdsa-sha2-nistp256); at most 20, no duplicates",
        requestBody: { required: true, ...json(body(createSshKeySchema)) },
        responses: { 201: json(sshKey), ...errors(400, 401, 403, 409) },
      },
    },
    "/api/v1/me/receipts.csv": {
      get: {
        summary: "The signed-in buyer's receipts as CSV (RFC 4180): order, listing, hours, exact token amount, status, ISO UTC times and the opened/released/refunded transaction hashes",
        responses: { 200: { description: "text/csv attachment, one header row then one row per order", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(401) },
      },
    },
    "/api/v1/me/ssh-keys/{id}": {
      delete: { summary: "Delete one of your saved keys (anyone else's is 404)", parameters: [idParam], responses: { 200: json({ type: "object", properties: { deleted: { type: "boolean" } } }), ...errors(401, 403, 404) } },
    },
    "/api/v1/orders/{id}": {
      get: { summary: "An order, its status and the escrow events seen on chain (buyer, provider, admins)", parameters: [idParam], responses: { 200: json({ $ref: "#/components/schemas/Order" }), ...errors(401, 404) } },
    },
    "/api/v1/orders/{id}/{action}": {
      post: {
        summary: "start (provider, with connection details), complete (provider), release (buyer; provider after the dispute window), refund (provider; buyer after the start deadline), dispute (either), cancel (buyer, before payment)",
        description: "Returns the escrow call to sign. The status changes when the indexer reads the resulting event; txHash is stored as a hint only.",
        parameters: [idParam, { name: "action", in: "path", required: true, schema: { type: "string", enum: ["start", "complete", "release", "refund", "dispute", "cancel"] } }],
        requestBody: { required: false, ...json({ oneOf: [body(startOrderSchema), body(transitionSchema)] }) },
        responses: {
          200: json({ type: "object", properties: { order: { $ref: "#/components/schemas/Order" }, transaction: { oneOf: [tx, { type: "null" }] } } }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/api/v1/orders/{id}/statement": {
      post: {
        summary: "The buyer or provider of a DISPUTED order tells the arbiter their side (admins read it in the admin console)",
        parameters: [idParam],
        requestBody: { required: true, ...json(body(disputeStatementSchema)) },
        responses: {
          201: json({ type: "object", properties: { statement: { type: "object", properties: { id: { type: "string" }, side: { type: "string", enum: ["buyer", "provider"] }, body: { type: "string" }, createdAt: { type: "string", format: "date-time" } } } } }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/api/v1/contracts": {
      get: {
        summary: "Chain id, token (address, decimals and symbol read from the chain, ABI) and escrow (address, ABI)",
        responses: {
          200: json({
            type: "object",
            properties: {
              chainId: { type: "integer" },
              token: { type: "object", properties: { address: { type: "string" }, decimals: { type: "integer" }, symbol: { type: "string" }, abi: { type: "array" } } },
              escrow: { type: ["object", "null"], properties: { address: { type: "string" }, abi: { type: "array" } } },
            },
          }),
        },
      },
    },
    ...jobPaths({ body, json, errors, query, idParam, tx }),
    ...notificationPaths({ json, errors, query, idParam }),
    "/api/dev/faucet": {
      post: {
        summary: "Local chain (31337) only, 404 elsewhere: sends 1 test ETH and 1,000 tUSDC",
        requestBody: { required: true, ...json({ type: "object", required: ["address"], properties: { address: { type: "string" } } }) },
        responses: { 200: json({ type: "object" }), ...errors(400, 403, 404) },
      },
    },
  },
  components: { schemas: { Listing: listing, Order: order, Error: error, ...jobSchemas, Notification: notificationSchema } },
};

export function GET() {
  return NextResponse.json(document);
}
