/** The rental part of the OpenAPI document: orders, their escrow actions and disputes, the contracts, the dev faucet. */
import { idParam, jsonSchema, operation, pathParam, reply } from "@/app/api/v1/openapi.json/builder";
import { faucetRequestSchema } from "@/dev/faucet";
import { disputeStatementSchema } from "@/lib/orders/dispute-schema";
import { createOrderSchema, extendOrderSchema, orderActions, startOrderSchema, transitionSchema } from "@/lib/orders/schema";

const tags = ["Orders"];

export const orderPaths = {
  "/api/v1/orders": {
    post: operation({
      operationId: "createOrder",
      summary: "Rent a listing",
      description:
        "Creates a PENDING_PAYMENT order for the signed-in buyer, with the amount computed by the server and the transactions to sign. " +
        "A rental is metered: it opens with openRental at `ratePerSecond` = floor(pricePerGpuHour x gpuCount / 3600) for the prepaid `amount` and the order's `startDeadline`. " +
        "Pay either with `transactions` (approve, then openRental) or, when `permit` is not null, by signing its typed data and sending one openRentalWithPermit transaction. " +
        "A payment with any other rate, amount, provider, token, escrow or start deadline is never credited. " +
        "The order is FUNDED only once the indexer has read the matching escrow event from the chain.",
      tags,
      body: { schema: createOrderSchema },
      responses: { 201: reply("the new order, with what to sign to pay for it", "CreatedOrder") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/orders/{id}": {
    get: operation({
      operationId: "getOrder",
      summary: "One order",
      description:
        "The order's status, terms and the escrow events seen on chain, for its buyer, its provider and admins (404 for anyone else).",
      tags,
      parameters: [idParam],
      responses: { 200: reply("the order as the caller may see it", "Order") },
      errors: [401, 404],
    }),
  },
  "/api/v1/orders/{id}/{action}": {
    post: operation({
      operationId: "orderAction",
      summary: "Act on an order",
      description:
        "start (provider, with connection details), complete (provider; training jobs only: a rental ends by its meter), release (buyer; provider after the dispute window), " +
        "refund (provider; buyer after the start deadline), dispute (either), cancel (buyer, before payment), settle (either: a dispute the arbiter left unresolved for 14 days, by its default split). " +
        "Rentals: stop (buyer: before the start a full refund, while running the provider gets what accrued and the buyer the rest, to the base unit; provider: while running), " +
        "extend (buyer, body `{ hours }`: the server computes hours x gpuCount x pricePerGpuHour and answers approve + extend in `transactions`, and `permit` for extendWithPermit; " +
        "possible while funded or running before its end), claim (provider: what accrued since the last claim, less the fee). " +
        "Returns the escrow call to sign (`transaction`) and every transaction to send in order (`transactions`); the status changes when the indexer reads the resulting event. " +
        "txHash is stored as a hint only.",
      tags,
      parameters: [idParam, pathParam("action", "what to do", { type: "string", enum: [...orderActions] })],
      body: {
        schema: { oneOf: [jsonSchema(startOrderSchema), jsonSchema(extendOrderSchema), jsonSchema(transitionSchema)] },
        required: false,
      },
      responses: { 200: reply("the order and the escrow call to sign", "OrderTransition") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/orders/{id}/statement": {
    post: operation({
      operationId: "postDisputeStatement",
      summary: "Tell the arbiter your side of a dispute",
      description: "The buyer or the provider of a DISPUTED order writes a statement; admins read it in the admin console and decide.",
      tags,
      parameters: [idParam],
      body: { schema: disputeStatementSchema },
      responses: { 201: reply("the statement as saved", "DisputeStatement") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/contracts": {
    get: operation({
      operationId: "getContracts",
      summary: "The chain and the contracts",
      description: "The chain id, the payment token (address, decimals and symbol read from the chain, ABI) and the escrow (address, ABI).",
      tags: ["Chain"],
      responses: { 200: reply("the chain id and the contracts", "Contracts") },
    }),
  },
  "/api/dev/faucet": {
    post: operation({
      operationId: "devFaucet",
      summary: "Test money on the local chain",
      description: "On the local chain (31337) only, 404 elsewhere: sends 1 test ETH for gas and 1,000 of the test token.",
      tags: ["Chain"],
      body: { schema: faucetRequestSchema },
      responses: { 200: reply("what was sent", "FaucetPayout") },
      errors: [400, 403, 404],
    }),
  },
};
