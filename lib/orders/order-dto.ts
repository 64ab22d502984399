/**
 * Orders as the API returns them, defined once: OrderView and TxRequest are these schemas' types, and
 * the OpenAPI document's response bodies are generated from them.
 */
import { z } from "zod";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { baseUnits, hexText, isoText, wireDate } from "@/lib/core/wire";

/** A transaction for the wallet to sign and send as it is. */
export const txRequestSchema = z
  .object({
    description: z.string().describe("what it does, for people reading the response"),
    to: hexText,
    data: hexText,
    value: z.literal("0").describe("wei, always 0"),
  })
  .describe("A transaction for the wallet to sign and send as it is");
export type TxRequest = z.infer<typeof txRequestSchema>;

export const chainEventSchema = z.object({
  eventName: z.string(),
  txHash: z.string(),
  logIndex: z.int(),
  blockNumber: z.string().describe("decimal text"),
  applied: z.boolean().describe("false: seen but did not match the order (the reason is in ignoredReason)"),
  ignoredReason: z.string().nullable(),
});

export const orderRoles = ["buyer", "provider", "admin"] as const;

export const orderSchema = z
  .object({
    id: z.string(),
    status: z.enum(OrderStatus),
    viewerRole: z.enum(orderRoles),
    listingId: z.string(),
    jobId: z.string().nullable().describe("the training job this order settles; null for a rental"),
    gpuModel: z.string().describe("catalog id of the listing's GPU model"),
    buyer: z.string().describe("the buyer's address"),
    provider: z.string().describe("the provider's address"),
    hours: z.int().describe("booked hours, extensions included"),
    gpuCount: z.int(),
    pricePerGpuHour: baseUnits("per GPU-hour"),
    amount: baseUnits("pricePerGpuHour x gpuCount x hours, what the escrow holds (extensions included)"),
    kind: z.enum(["rental", "fixed"]).describe("rental: metered by the second (openRental); fixed: a training job's fixed price (open)"),
    ratePerSecond: baseUnits("accrued per second once started: floor(pricePerGpuHour x gpuCount / 3600)")
      .nullable()
      .describe("null for a fixed-price order"),
    extendedAmount: baseUnits("what extensions added to amount"),
    startedAt: isoText.nullable().describe("when the indexed EscrowStarted was mined"),
    endsAt: isoText.nullable().describe("a rental's end as the chain says: when its prepaid time runs out, or where its meter stopped"),
    stoppedAt: isoText.nullable().describe("where a rental's meter froze (stop, dispute, monitor stop); null while running"),
    disputedAt: isoText.nullable(),
    claimed: baseUnits("paid to the provider by claims so far, fee included"),
    providerPaid: baseUnits("what the escrow paid the provider, after fees (claims and settlement)"),
    feePaid: baseUnits("the platform fee the escrow took"),
    buyerRefunded: baseUnits("what the escrow sent back to the buyer"),
    capacityLost: z
      .boolean()
      .describe("paid after the payment hold lapsed with the GPUs gone: it can never start; stop it for a full refund"),
    chainId: z.int(),
    tokenAddress: z.string(),
    escrowAddress: z.string(),
    orderId: z.string().describe("bytes32 the escrow is opened with"),
    escrowId: z.string().describe("keccak256(abi.encode(chainId, escrow, buyer, orderId))"),
    startDeadline: isoText,
    sshPublicKey: z.string().nullable(),
    connection: z
      .object({ host: z.string(), port: z.int().nullable(), user: z.string().nullable(), jupyterUrl: z.string().nullable() })
      .nullable()
      .describe("for the buyer and admins, once the indexer has read the start from the chain (never on the provider's word alone)"),
    chainEvents: z.array(chainEventSchema).describe("escrow events the indexer read from the chain: the only proof of payment"),
    txHints: z.array(z.string()).describe("hashes clients reported sending; shown while the indexer catches up, never proof"),
    transactions: z.array(txRequestSchema).describe("for the buyer of a PENDING_PAYMENT order: approve, then open"),
    createdAt: isoText,
    fundedAt: isoText.nullable(),
    settledAt: isoText.nullable(),
  })
  .describe(
    "An order. FUNDED and every later status is set only when the indexer has read the escrow event from the chain; PENDING_PAYMENT and CANCELLED are off-chain.",
  );
export type OrderView = z.infer<typeof orderSchema>;

const uintText = z.string().regex(/^\d+$/).describe("uint256 as decimal text");

/** The one-transaction alternative to approve + open, when the token implements EIP-2612. */
export const permitSchema = z
  .object({
    description: z.string(),
    typedData: z
      .object({
        domain: z.object({ name: z.string(), version: z.string(), chainId: z.int(), verifyingContract: z.string() }),
        types: z.record(z.string(), z.array(z.object({ name: z.string(), type: z.string() }))),
        primaryType: z.literal("Permit"),
        message: z.object({ owner: z.string(), spender: z.string(), value: uintText, nonce: uintText, deadline: uintText }),
      })
      .describe("EIP-712 typed data for eth_signTypedData_v4"),
    openWithPermit: z
      .object({
        to: z.string(),
        value: z.literal("0"),
        signature: z.string().describe("the Solidity signature of the call"),
        args: z.object({
          orderId: z.string(),
          provider: z.string(),
          ratePerSecond: uintText.optional().describe("rentals only: openRentalWithPermit takes it after provider"),
          amount: uintText,
          startDeadline: uintText,
          permitDeadline: uintText,
        }),
      })
      .describe(
        "call the escrow function named by `signature` (openRentalWithPermit for a rental, openWithPermit for a job) with these args in order, followed by the signature's v, r, s",
      ),
  })
  .describe("Sign typedData, then send one openRentalWithPermit (or openWithPermit) transaction instead of approve + open");

/** The one-transaction alternative to approve + extend. */
export const extendPermitSchema = z
  .object({
    description: z.string(),
    typedData: permitSchema.shape.typedData,
    extendWithPermit: z
      .object({
        to: z.string(),
        value: z.literal("0"),
        signature: z.string().describe("the Solidity signature of the call"),
        args: z.object({ escrowId: z.string(), amount: uintText, permitDeadline: uintText }),
      })
      .describe("call the escrow's extendWithPermit with these args followed by the signature's v, r, s"),
  })
  .describe("Sign typedData, then send one extendWithPermit transaction instead of approve + extend");

export const createdOrderSchema = orderSchema.extend({
  permit: permitSchema.nullable().describe("null when the token has no EIP-2612 permit"),
});

export const orderTransitionSchema = z.object({
  order: orderSchema,
  transaction: txRequestSchema.nullable().describe("the escrow call to sign, or null when the action needs none (cancel)"),
  transactions: z
    .array(txRequestSchema)
    .describe("every transaction to send, in order: for extend the approve, then the extend; otherwise just `transaction` (or none)"),
  permit: extendPermitSchema
    .nullable()
    .optional()
    .describe("extend only: the permit alternative to approve + extend, null when the token has no EIP-2612 permit"),
});

export const postedStatementSchema = z.object({
  statement: z.object({ id: z.string(), side: z.enum(["buyer", "provider"]), body: z.string(), createdAt: wireDate }),
});
