/** Programmatic access in the OpenAPI document (issue 16): the signed-in user's API keys and webhook endpoints. */
import { operation, pathParam, reply } from "@/app/api/v1/openapi.json/builder";
import { createApiKeySchema } from "@/lib/apikeys/schema";
import { createWebhookSchema, webhookEventTypes } from "@/lib/webhooks/schema";

const keyTags = ["API keys"];
const hookTags = ["Webhooks"];

export const accessPaths = {
  "/api/v1/me/api-keys": {
    get: operation({
      operationId: "listApiKeys",
      summary: "Your API keys",
      description:
        "The signed-in user's API keys, newest first, never their secrets. A browser session only: a key cannot list, create or revoke keys.",
      tags: keyTags,
      responses: { 200: reply("the keys", "ApiKeyList") },
      errors: [401, 403],
    }),
    post: operation({
      operationId: "createApiKey",
      summary: "Create an API key",
      description:
        "A new key with the chosen scopes and an optional expiry; its secret is in this answer only. Needs a sign-in within the last 15 minutes (403 reauth_required otherwise).",
      tags: keyTags,
      body: { schema: createApiKeySchema },
      responses: { 201: reply("the key with its secret, shown this once", "CreatedApiKey") },
      errors: [400, 401, 403, 409],
    }),
  },
  "/api/v1/me/api-keys/{id}": {
    delete: operation({
      operationId: "revokeApiKey",
      summary: "Revoke an API key",
      description: "Revokes one of the signed-in user's keys at once: its next request gets 401 key_revoked. Anyone else's key is a 404.",
      tags: keyTags,
      parameters: [pathParam("id", "the key's id")],
      responses: { 200: reply("the key, revoked", "ApiKey") },
      errors: [401, 403, 404],
    }),
  },
  "/api/v1/me/webhooks": {
    get: operation({
      operationId: "listWebhooks",
      summary: "Your webhook endpoints",
      description: "The signed-in user's webhook endpoints, oldest first, never their secrets.",
      tags: hookTags,
      responses: { 200: reply("the endpoints", "WebhookEndpointList") },
      errors: [401, 403],
    }),
    post: operation({
      operationId: "createWebhook",
      summary: "Register a webhook endpoint",
      description:
        `An https endpoint (http only for localhost in development; private addresses are refused in production) for some of: ${webhookEventTypes.join(", ")}. ` +
        "Deliveries are signed the Standard Webhooks way with the secret in this answer, shown this once. A browser session only.",
      tags: hookTags,
      body: { schema: createWebhookSchema },
      responses: { 201: reply("the endpoint with its signing secret", "CreatedWebhook") },
      errors: [400, 401, 403, 409],
    }),
  },
  "/api/v1/me/webhooks/{id}": {
    delete: operation({
      operationId: "deleteWebhook",
      summary: "Delete a webhook endpoint",
      description: "Deletes one of the signed-in user's endpoints with its pending deliveries; anyone else's is a 404.",
      tags: hookTags,
      parameters: [pathParam("id", "the endpoint's id")],
      responses: { 200: reply("deleted", "Deleted") },
      errors: [401, 403, 404],
    }),
  },
  "/api/v1/me/webhooks/{id}/deliveries": {
    get: operation({
      operationId: "listWebhookDeliveries",
      summary: "An endpoint's delivery log",
      description:
        "The endpoint's newest 50 deliveries, each with its latest attempts, to see what was sent and what the receiver answered.",
      tags: hookTags,
      parameters: [pathParam("id", "the endpoint's id")],
      responses: { 200: reply("the deliveries", "WebhookDeliveryList") },
      errors: [401, 403, 404],
    }),
  },
  "/api/v1/me/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
    post: operation({
      operationId: "redeliverWebhook",
      summary: "Send a delivery again",
      description:
        "Sends the delivery again now (the same webhook-id, a fresh timestamp and signature) and answers with its log. A browser session only.",
      tags: hookTags,
      parameters: [pathParam("id", "the endpoint's id"), pathParam("deliveryId", "the delivery's id")],
      responses: { 200: reply("the delivery with the new attempt", "WebhookDelivery") },
      errors: [401, 403, 404],
    }),
  },
};
