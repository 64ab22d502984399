/** The signed-in user's own things in the OpenAPI document: saved SSH keys and receipts. */
import { operation, pathParam, reply } from "@/app/api/v1/openapi.json/builder";
import { createSshKeySchema } from "@/lib/account/ssh-key";
import { receiptColumns } from "@/lib/dashboards/server/receipts-csv";

const tags = ["Account"];

export const accountPaths = {
  "/api/v1/me/ssh-keys": {
    get: operation({
      operationId: "listSshKeys",
      summary: "Your saved SSH public keys",
      description: "The signed-in user's saved SSH public keys, oldest first, to hand to a provider when renting.",
      tags,
      responses: { 200: reply("the keys", "SshKeyList") },
      errors: [401],
    }),
    post: operation({
      operationId: "addSshKey",
      summary: "Save an SSH public key",
      description: "ssh-ed25519, ssh-rsa of 2048 bits or more, or ecdsa-sha2-nistp256; at most 20 per user, no duplicates.",
      tags,
      body: { schema: createSshKeySchema },
      responses: { 201: reply("the saved key", "SshKey") },
      errors: [400, 401, 403, 409],
    }),
  },
  "/api/v1/me/ssh-keys/{id}": {
    delete: operation({
      operationId: "deleteSshKey",
      summary: "Delete a saved key",
      description: "Deletes one of the signed-in user's saved keys; anyone else's key is a 404, like an unknown one.",
      tags,
      parameters: [pathParam("id", "the key's id")],
      responses: { 200: reply("deleted", "Deleted") },
      errors: [401, 403, 404],
    }),
  },
  "/api/v1/me/receipts.csv": {
    get: operation({
      operationId: "downloadReceipts",
      summary: "Your receipts as CSV",
      description:
        "The signed-in buyer's receipts as an RFC 4180 CSV download: exact token amounts (no float, '.' as the decimal point), ISO UTC times " +
        `and the escrow's transaction hashes. Columns: ${receiptColumns.join(", ")}.`,
      tags,
      responses: {
        200: {
          description: "a text/csv attachment: one header row, then one row per order",
          content: { "text/csv": { schema: { type: "string" } } },
        },
      },
      errors: [401],
    }),
  },
};
