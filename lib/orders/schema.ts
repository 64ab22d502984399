/**
 * Order inputs, shared by the rent panel, the order page forms and the v1 route handlers.
 */
import { z } from "zod";
import { recordIdPattern } from "@/lib/core/fields";
import { savedSshKeyField } from "@/lib/account/ssh-key";

export const orderActions = ["start", "complete", "release", "refund", "dispute", "cancel", "stop", "extend", "claim", "settle"] as const;
export type OrderAction = (typeof orderActions)[number];

/**
 * A key pasted at checkout gets the same strict check as a saved one (lib/account/ssh-key.ts): one of
 * the three key types, a body whose structure matches its type, and a comment without control characters,
 * since the provider writes it into authorized_keys.
 */
export const sshPublicKeyField = savedSshKeyField;

export const createOrderSchema = z.object({
  listingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a listing id"),
  hours: z
    .number({ error: "must be a whole number of hours" })
    .int("must be a whole number of hours")
    .min(1, "must be at least 1")
    .max(8760, "must be at most 8760"),
  /** GPUs to rent; the whole machine when left out. Listings that cannot be split accept only all of them. */
  gpus: z
    .number({ error: "must be a whole number of GPUs" })
    .int("must be a whole number of GPUs")
    .min(1, "must be at least 1")
    .max(1024, "must be at most 1024")
    .optional(),
  sshPublicKey: sshPublicKeyField.optional(),
});
export type CreateOrderInput = z.output<typeof createOrderSchema>;

const txHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte transaction hash");

/** Every transition may carry the hash of the transaction the wallet sent: a hint to show, never proof. */
export const transitionSchema = z.object({ txHash: txHash.optional() });

const hostname = z
  .string()
  .trim()
  .min(1, "is required")
  .max(255)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:]+\]?$/, "must be a host name or IP address");

/** Extending a rental: the server computes the amount from the hours, the GPUs and the order's price. */
export const extendOrderSchema = transitionSchema.extend({
  hours: z
    .number({ error: "must be a whole number of hours" })
    .int("must be a whole number of hours")
    .min(1, "must be at least 1")
    .max(8760, "must be at most 8760"),
});
export type ExtendOrderInput = z.output<typeof extendOrderSchema>;

export const startOrderSchema = transitionSchema.extend({
  host: hostname,
  port: z.number({ error: "must be a port number" }).int().min(1, "must be 1-65535").max(65535, "must be 1-65535"),
  user: z
    .string()
    .trim()
    .min(1, "is required")
    .max(64)
    .regex(/^[a-z_][a-z0-9_-]*$/i, "must be a Unix user name"),
  jupyterUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000)
    .optional(),
});
export type StartOrderInput = z.output<typeof startOrderSchema>;

export const orderIdPattern = recordIdPattern;
