/**
 * Every named schema of the OpenAPI document (components.schemas), by the name clients see. The
 * domains' response schemas live beside their code (lib/<domain>/*-dto.ts) and give the server its
 * types; the few shapes no domain owns are defined here. A schema used inside another named one
 * becomes a $ref to it.
 */
import { z } from "zod";
import { sshKeyListSchema, sshKeyViewSchema } from "@/lib/account/ssh-key-dto";
import { apiKeyListSchema, apiKeyViewSchema, createdApiKeySchema } from "@/lib/apikeys/schema";
import { addressText, apiErrorBodySchema, hexText } from "@/lib/core/wire";
import { contractsSchema } from "@/lib/chain/contracts-dto";
import {
  acceptedOfferSchema,
  jobCardSchema,
  jobDetailSchema,
  jobOffersSchema,
  jobPageSchema,
  jobTransitionSchema,
  offerListSchema,
  offerSchema,
  progressNoteViewSchema,
  withdrawnOfferSchema,
} from "@/lib/jobs/job-dto";
import { listingDetailSchema, listingPageSchema, listingUpdateSchema, publicListingSchema } from "@/lib/listings/listing-dto";
import {
  agentHeartbeatSchema,
  agentPairedSchema,
  agentReportSchema,
  credentialRevokedSchema,
  hardwareDifferenceSchema,
  pairingCodeSchema,
} from "@/lib/machines/agent-dto";
import { inboxSchema, notificationSchema } from "@/lib/notifications/server/notification-dto";
import {
  createdWebhookSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from "@/lib/webhooks/schema";
import {
  chainEventSchema,
  createdOrderSchema,
  orderSchema,
  orderTransitionSchema,
  permitSchema,
  postedStatementSchema,
  txRequestSchema,
} from "@/lib/orders/order-dto";

const reportCreatedSchema = z.object({
  id: z.string(),
  status: z.literal("OPEN").describe("a new report is open until an admin resolves it"),
});

const faucetPayoutSchema = z.object({
  address: addressText,
  eth: z.string().describe("wei sent"),
  token: z.string().describe("token base units sent"),
  transactions: z.array(hexText).describe("the two transaction hashes"),
});

export const components = {
  Error: apiErrorBodySchema,
  Listing: publicListingSchema,
  ListingDetail: listingDetailSchema,
  ListingPage: listingPageSchema,
  ListingUpdate: listingUpdateSchema,
  Transaction: txRequestSchema,
  ChainEvent: chainEventSchema,
  Order: orderSchema,
  Permit: permitSchema,
  CreatedOrder: createdOrderSchema,
  OrderTransition: orderTransitionSchema,
  DisputeStatement: postedStatementSchema,
  JobCard: jobCardSchema,
  Job: jobDetailSchema,
  JobPage: jobPageSchema,
  JobTransition: jobTransitionSchema,
  ProgressNote: progressNoteViewSchema,
  Offer: offerSchema,
  JobOffers: jobOffersSchema,
  OfferList: offerListSchema,
  WithdrawnOffer: withdrawnOfferSchema,
  AcceptedOffer: acceptedOfferSchema,
  JobActionResult: z
    .union([jobTransitionSchema, jobDetailSchema])
    .describe("publish and cancel: the job; start and complete: the job, its order id and the escrow call"),
  OfferActionResult: z
    .union([withdrawnOfferSchema, acceptedOfferSchema])
    .describe("withdraw: the offer's id and status; accept: the order to fund"),
  Notification: notificationSchema,
  Inbox: inboxSchema,
  SshKey: sshKeyViewSchema,
  SshKeyList: sshKeyListSchema,
  Deleted: z.object({ deleted: z.literal(true) }),
  ApiKey: apiKeyViewSchema,
  ApiKeyList: apiKeyListSchema,
  CreatedApiKey: createdApiKeySchema,
  WebhookEndpoint: webhookEndpointSchema,
  WebhookEndpointList: webhookEndpointListSchema,
  CreatedWebhook: createdWebhookSchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookDeliveryList: webhookDeliveryListSchema,
  HardwareDifference: hardwareDifferenceSchema,
  AgentPaired: agentPairedSchema,
  AgentReport: agentReportSchema,
  AgentHeartbeat: agentHeartbeatSchema,
  PairingCode: pairingCodeSchema,
  CredentialRevoked: credentialRevokedSchema,
  Contracts: contractsSchema,
  ReportCreated: reportCreatedSchema,
  FaucetPayout: faucetPayoutSchema,
} satisfies Record<string, z.ZodType>;

export type ComponentName = keyof typeof components;
