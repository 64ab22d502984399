/** `rent`, `status` (with --watch), `stop` and `extend`: orders through the v1 API. */
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createdOrderSchema, orderSchema, orderTransitionSchema, type OrderView } from "@/lib/orders/order-dto";
import { createOrderSchema } from "@/lib/orders/schema";
import { HttpError } from "../api";
import type { Context, OutputFlags } from "../context";
import { CliError, usage } from "../errors";
import { amount, fields, json } from "../format";
import { sendTransactions, type SignerOptions } from "./pay";

const orderPath = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

export interface RentOptions extends OutputFlags {
  hours?: string;
  gpus?: string;
  sshKey?: string;
}

const wholeNumber = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usage(`--${flag} must be a whole number`);
  return Number(value);
};

export async function rent(ctx: Context, listingId: string, options: RentOptions): Promise<number> {
  if (options.hours === undefined) throw usage("rent needs --hours N");
  let sshPublicKey: string | undefined;
  if (options.sshKey) {
    try {
      sshPublicKey = (await readFile(options.sshKey, "utf8")).trim();
    } catch (e) {
      throw usage(`--ssh-key: cannot read ${options.sshKey}: ${(e as Error).message}`);
    }
  }
  // The API's own schema: a wrong value is named before anything is sent.
  const input = createOrderSchema.safeParse({
    listingId,
    hours: wholeNumber("hours", options.hours),
    gpus: wholeNumber("gpus", options.gpus),
    sshPublicKey,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const flag = { listingId: "<listing>", hours: "--hours", gpus: "--gpus", sshPublicKey: "--ssh-key" }[String(issue?.path[0])] ?? "input";
    throw usage(`${flag} ${issue?.message}`);
  }
  const order = await (await ctx.api()).post("/api/v1/orders", input.data, createdOrderSchema);
  if (options.json) ctx.io.out(json(order));
  else if (options.quiet) ctx.io.out(order.id);
  else {
    ctx.io.out(order.id);
    ctx.io.err(
      `order ${order.id}: ${order.gpuCount} GPU(s) for ${order.hours} h, ${amount(order.amount)} to pay into escrow by ${order.startDeadline}; next: idlegrid pay ${order.id}`,
    );
  }
  return 0;
}

/** How far along an order is, so `--until FUNDED` is met by ACTIVE too; unknown (newer) statuses count as final. */
const progress: Partial<Record<string, number>> = { PENDING_PAYMENT: 0, FUNDED: 1, ACTIVE: 2, COMPLETED: 3, DISPUTED: 4 };
const dead = new Set(["CANCELLED", "REFUNDED"]);
function reached(status: string, target: string): boolean {
  if (status === target) return true;
  if (dead.has(status)) return false;
  const goal = progress[target];
  // PAID, RESOLVED and the like are past FUNDED; nothing is past a final status but itself.
  return goal !== undefined && (progress[status] ?? Number.POSITIVE_INFINITY) >= goal;
}
const isFinal = (status: string) => progress[status] === undefined;

export interface StatusOptions extends OutputFlags {
  watch?: boolean;
  until?: string;
  interval?: string;
  timeout?: string;
}

function describe(o: OrderView): string {
  return fields([
    ["order", o.id],
    ["status", o.status],
    ["listing", o.listingId],
    ["you are", o.viewerRole],
    ["gpus, hours", `${o.gpuCount}, ${o.hours}`],
    ["amount", amount(o.amount)],
    ["funded", o.fundedAt],
    [
      "connection",
      o.connection ? `${o.connection.user ?? "?"}@${o.connection.host}${o.connection.port ? `:${o.connection.port}` : ""}` : null,
    ],
  ]);
}

export async function status(ctx: Context, id: string, options: StatusOptions): Promise<number> {
  const api = await ctx.api();
  const statuses: readonly string[] = orderSchema.shape.status.options;
  if (options.until !== undefined && !statuses.includes(options.until)) throw usage(`--until must be one of ${statuses.join(", ")}`);
  if (!options.watch) {
    if (options.until !== undefined || options.interval !== undefined || options.timeout !== undefined)
      throw usage("--until, --interval and --timeout go with --watch");
    const order = await api.get(orderPath(id), orderSchema);
    ctx.io.out(options.json ? json(order) : describe(order));
    return 0;
  }
  const interval = (wholeNumber("interval", options.interval) ?? 2) * 1000;
  const deadline = Date.now() + (wholeNumber("timeout", options.timeout) ?? 600) * 1000;
  let last: string | undefined;
  for (;;) {
    const order = await api.get(orderPath(id), orderSchema);
    if (order.status !== last) {
      ctx.io.out(
        options.json
          ? JSON.stringify({ id: order.id, status: order.status, at: new Date().toISOString() })
          : `${new Date().toISOString()}  ${order.status}`,
      );
      last = order.status;
    }
    if (options.until ? reached(order.status, options.until) : isFinal(order.status)) return 0;
    if (options.until && (dead.has(order.status) || isFinal(order.status)))
      throw new CliError(`order ${id} is ${order.status}; it will not become ${options.until}`);
    if (Date.now() + interval > deadline)
      throw new CliError(`timed out waiting for order ${id}${options.until ? ` to become ${options.until}` : ""} (still ${order.status})`);
    await sleep(interval);
  }
}

/**
 * stop | extend, for metered rentals: the server's `POST /api/v1/orders/{id}/{action}`. A server that has
 * no such action answers 404 for an order that exists, which is said plainly.
 */
export async function orderAction(
  ctx: Context,
  id: string,
  action: "stop" | "extend",
  body: Record<string, unknown>,
  options: OutputFlags & SignerOptions,
): Promise<number> {
  const api = await ctx.api();
  await api.get(orderPath(id), orderSchema); // a missing order is its own 404
  let result: z.output<typeof orderTransitionSchema>;
  try {
    result = await api.post(`${orderPath(id)}/${action}`, body, orderTransitionSchema);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404)
      throw new CliError(`${action} is not supported by this server (it has no metered rentals)`);
    throw e;
  }
  if (options.json || options.print) ctx.io.out(json(result));
  else ctx.io.out(`order ${result.order.id}: ${result.order.status}`);
  // The escrow calls the action needs (extend: approve, then extend), signed here when a key is at hand
  // (as pay does), else left to the caller.
  const { order, transactions } = result;
  if (transactions.length > 0 && !options.print && (options.keystore || ctx.env.IDLEGRID_PRIVATE_KEY)) {
    await sendTransactions(ctx, order.chainId, order.viewerRole === "provider" ? order.provider : order.buyer, transactions, options);
  } else if (transactions.length > 0 && !options.print) {
    ctx.io.err(
      `now sign and send: ${transactions.map((t) => t.description).join(", then ")} (set IDLEGRID_PRIVATE_KEY or pass --keystore, or --print for them as JSON)`,
    );
  }
  return 0;
}
