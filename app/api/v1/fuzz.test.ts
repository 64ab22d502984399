/**
 * Hostile input never gets a 500. Walks every path and method of the OpenAPI document (plus the body
 * routes it does not describe: reports, sign-in and the admin API) and sends, one at a time, hostile
 * values in every query parameter, every path parameter and every JSON body field, and hostile whole
 * bodies (not JSON, wrong JSON types, deep nesting, over the size limit). Callers are a signed-in
 * same-origin user who owns the fixtures (so requests get past authorization into parsing and the
 * database) and an admin for the admin API. Any 5xx fails; a 400 for a single query parameter must
 * name it. The number of hostile requests is printed.
 */
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { createReportSchema, moderationSchema, resolveReportsSchema, userActionSchema } from "@/lib/admin/schema";
import { db } from "@/lib/core/server/db";
import { resolveDisputeSchema } from "@/lib/orders/dispute-schema";
import { siweVerifyBody } from "@/lib/auth/siwe-message";
import { randomIp, signedInHeaders } from "@/test/auth";
import { createMachine, createUser, randomAddress } from "@/test/factories";
import { bodyFields, createSender, hostileBodies, hostileIds, hostileJson, hostileNumbers, hostileStrings } from "@/test/fuzz";
import { jobForm, matchingProvider, offerOn, openJob } from "@/test/jobs";
import { order, rental } from "@/test/payments";
import { ed25519Key } from "@/test/ssh-keys";

type Handler = Parameters<ReturnType<typeof createSender>["send"]>[0];
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", unknown>>;

/** Every path of the document and of the undocumented body routes, to its handler module. */
const modules: Record<string, () => Promise<RouteModule>> = {
  "/api/v1/listings": () => import("@/app/api/v1/listings/route"),
  "/api/v1/listings/{id}": () => import("@/app/api/v1/listings/[id]/route"),
  "/api/v1/listings/{id}/status": () => import("@/app/api/v1/listings/[id]/status/route"),
  "/api/v1/orders": () => import("@/app/api/v1/orders/route"),
  "/api/v1/orders/{id}": () => import("@/app/api/v1/orders/[id]/route"),
  "/api/v1/orders/{id}/{action}": () => import("@/app/api/v1/orders/[id]/[action]/route"),
  "/api/v1/orders/{id}/statement": () => import("@/app/api/v1/orders/[id]/statement/route"),
  "/api/v1/me/ssh-keys": () => import("@/app/api/v1/me/ssh-keys/route"),
  "/api/v1/me/ssh-keys/{id}": () => import("@/app/api/v1/me/ssh-keys/[id]/route"),
  "/api/v1/me/receipts.csv": () => import("@/app/api/v1/me/receipts.csv/route"),
  "/api/v1/contracts": () => import("@/app/api/v1/contracts/route"),
  "/api/v1/jobs": () => import("@/app/api/v1/jobs/route"),
  "/api/v1/jobs/{id}": () => import("@/app/api/v1/jobs/[id]/route"),
  "/api/v1/jobs/{id}/{action}": () => import("@/app/api/v1/jobs/[id]/[action]/route"),
  "/api/v1/jobs/{id}/offers": () => import("@/app/api/v1/jobs/[id]/offers/route"),
  "/api/v1/offers": () => import("@/app/api/v1/offers/route"),
  "/api/v1/offers/{id}/{action}": () => import("@/app/api/v1/offers/[id]/[action]/route"),
  "/api/v1/notifications": () => import("@/app/api/v1/notifications/route"),
  "/api/v1/notifications/{id}/read": () => import("@/app/api/v1/notifications/[id]/read/route"),
  "/api/dev/faucet": () => import("@/app/api/dev/faucet/route"),
  "/api/v1/agent/pair": () => import("@/app/api/v1/agent/pair/route"),
  "/api/v1/agent/report": () => import("@/app/api/v1/agent/report/route"),
  "/api/v1/agent/heartbeat": () => import("@/app/api/v1/agent/heartbeat/route"),
  "/api/v1/listings/{id}/pairing-codes": () => import("@/app/api/v1/listings/[id]/pairing-codes/route"),
  "/api/v1/listings/{id}/agent-credentials/{credentialId}": () =>
    import("@/app/api/v1/listings/[id]/agent-credentials/[credentialId]/route"),
  "/api/v1/reports": () => import("@/app/api/v1/reports/route"),
  "/api/v1/me/api-keys": () => import("@/app/api/v1/me/api-keys/route"),
  "/api/v1/me/api-keys/{id}": () => import("@/app/api/v1/me/api-keys/[id]/route"),
  "/api/v1/me/webhooks": () => import("@/app/api/v1/me/webhooks/route"),
  "/api/v1/me/webhooks/{id}": () => import("@/app/api/v1/me/webhooks/[id]/route"),
  "/api/v1/me/webhooks/{id}/deliveries": () => import("@/app/api/v1/me/webhooks/[id]/deliveries/route"),
  "/api/v1/me/webhooks/{id}/deliveries/{deliveryId}/redeliver": () =>
    import("@/app/api/v1/me/webhooks/[id]/deliveries/[deliveryId]/redeliver/route"),
  "/api/auth/verify": () => import("@/app/api/auth/verify/route"),
  "/api/admin/users/{id}": () => import("@/app/api/admin/users/[id]/route"),
  "/api/admin/disputes/{id}/resolve": () => import("@/app/api/admin/disputes/[id]/resolve/route"),
  "/api/admin/reports/resolve": () => import("@/app/api/admin/reports/resolve/route"),
  "/api/admin/listings/moderation": () => import("@/app/api/admin/listings/moderation/route"),
};

interface Operation {
  path: string;
  method: string;
  pathParams: Record<string, string[]>;
  queryParams: string[];
  /** Query parameters with a few allowed values (sorts, frameworks), and those values. */
  queryEnums: Record<string, string[]>;
  bodyFields: string[] | null;
  admin?: boolean;
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

describe("API fuzz: hostile input never gets a 5xx", () => {
  const sender = createSender();
  let operations: Operation[] = [];
  let ids: Record<string, string> = {};
  let bases: Record<string, Record<string, unknown>> = {};
  let userHeaders: () => Promise<Headers>;
  let adminHeaders: () => Promise<Headers>;

  beforeAll(async () => {
    const doc = (await (await openApi()).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
            requestBody?: { content: Record<string, { schema: unknown }> };
          }
        >
      >;
    };
    const r = await rental();
    const user = r.buyer;
    const admin = await createUser({ roles: ["ADMIN"] });
    const listing = await createMachine(user.id, { status: "LIVE" });
    const o = await order(r);
    const provider = await matchingProvider();
    const { job } = await openJob({}, user);
    const offer = await offerOn(job.id, provider);
    const notice = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    const key = await db.sshKey.create({
      data: { userId: user.id, label: "fuzz", publicKey: ed25519Key(), fingerprint: `SHA256:fuzz${user.id}` },
    });
    ids = {
      listing: listing.id,
      order: o.id,
      job: job.id,
      offer: offer.id,
      notification: notice.id,
      sshKey: key.id,
      user: user.id,
      admin: admin.id,
    };
    userHeaders = () => signedInHeaders(user.id);
    adminHeaders = () => signedInHeaders(admin.id);
    bases = {
      "POST /api/v1/listings": {
        gpuModel: "RTX-4090",
        gpuCount: 1,
        cpuCores: 16,
        ramGb: 64,
        diskGb: 1000,
        uploadMbps: 1000,
        downloadMbps: 1000,
        country: "DE",
        city: "Berlin",
        cudaVersion: "12.4",
        driverVersion: "550.127",
        pricePerGpuHour: "0.40",
        minHours: 1,
        maxHours: 720,
        description: "fuzz",
      },
      "POST /api/v1/listings/{id}/status": { action: "pause" },
      "POST /api/v1/orders": { listingId: provider.machine.id, hours: 2, sshPublicKey: ed25519Key() },
      "POST /api/v1/me/ssh-keys": { label: "key", publicKey: ed25519Key() },
      "POST /api/v1/orders/{id}/statement": { body: "The machine never started at all." },
      "POST /api/v1/jobs": { ...jobForm(), publish: true },
      "POST /api/v1/offers": {
        jobId: job.id,
        machineId: provider.machine.id,
        pricePerGpuHour: "1.50",
        earliestStart: new Date(Date.now() + 3_600_000).toISOString(),
      },
      "POST /api/dev/faucet": { address: randomAddress() },
      "POST /api/v1/reports": { targetType: "LISTING", targetId: listing.id, category: "SPAM", note: "This listing is spam, clearly." },
      "POST /api/admin/users/{id}": { action: "unban" },
      "POST /api/admin/disputes/{id}/resolve": { providerBps: 5000 },
      "POST /api/admin/reports/resolve": { targetType: "LISTING", targetId: listing.id, action: "dismiss" },
      "POST /api/admin/listings/moderation": { action: "approve", ids: [listing.id] },
    };

    const idFor = (path: string, name: string): string => {
      if (name !== "id") return "";
      if (path.startsWith("/api/v1/listings")) return ids.listing!;
      if (path.startsWith("/api/v1/orders") || path.startsWith("/api/admin/disputes")) return ids.order!;
      if (path.startsWith("/api/v1/jobs")) return ids.job!;
      if (path.startsWith("/api/v1/offers")) return ids.offer!;
      if (path.startsWith("/api/v1/notifications")) return ids.notification!;
      if (path.startsWith("/api/v1/me/ssh-keys")) return ids.sshKey!;
      return ids.user!;
    };
    const ops: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const pathParams: Record<string, string[]> = {};
        for (const p of op.parameters ?? []) if (p.in === "path") pathParams[p.name] = p.schema?.enum ?? [idFor(path, p.name)];
        const schema = op.requestBody?.content["application/json"]?.schema;
        const query = (op.parameters ?? []).filter((p) => p.in === "query");
        const queryEnums = Object.fromEntries(
          query.filter((p) => p.schema?.enum && p.schema.enum.length <= 8).map((p) => [p.name, p.schema?.enum ?? []]),
        );
        ops.push({
          path,
          method: method.toUpperCase(),
          pathParams,
          queryParams: query.map((p) => p.name),
          queryEnums,
          bodyFields: schema ? bodyFields(schema) : null,
        });
      }
    }
    const extra = (path: string, schema: z.ZodType, admin = false, params: Record<string, string[]> = {}): Operation => ({
      path,
      method: "POST",
      pathParams: params,
      queryParams: [],
      queryEnums: {},
      bodyFields: bodyFields(jsonSchema(schema)),
      admin,
    });
    ops.push(
      extra("/api/v1/reports", createReportSchema),
      extra("/api/auth/verify", siweVerifyBody),
      extra("/api/admin/users/{id}", userActionSchema, true, { id: [ids.user!] }),
      extra("/api/admin/disputes/{id}/resolve", resolveDisputeSchema, true, { id: [ids.order!] }),
      extra("/api/admin/reports/resolve", resolveReportsSchema, true),
      extra("/api/admin/listings/moderation", moderationSchema, true),
    );
    operations = ops;
  });

  it("knows the handler of every path in the OpenAPI document", () => {
    const missing = operations.filter((op) => !modules[op.path]).map((op) => op.path);
    expect(missing).toEqual([]);
  });

  it("answers every hostile query, path parameter and body below 500", async () => {
    const started = Date.now();
    let tooLarge = 0;
    for (const op of operations) {
      const mod = await modules[op.path]!();
      const handler = mod[op.method as keyof RouteModule] as Handler | undefined;
      expect(handler, `${op.method} ${op.path} is in the document but not exported`).toBeDefined();
      if (!handler) continue;
      // One session per operation: headers are copied per request (a Request may not share them).
      const session = await (op.admin ? adminHeaders : userHeaders)();
      // A fresh client address per request, so per-client limits (sign-in, search) do not cut the run short.
      const headers = async () => {
        const h = new Headers(session);
        h.set("x-forwarded-for", randomIp());
        return h;
      };
      const fill = (params: Record<string, string>) =>
        op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent((params[n] ?? "").replace(/[\uD800-\uDFFF]/g, "?")));
      const firstParams = Object.fromEntries(Object.entries(op.pathParams).map(([k, v]) => [k, v[0] ?? ""]));
      const send = async (params: Record<string, string>, extra: { query?: string; body?: string; headers?: Headers } = {}) =>
        sender.send(handler, { method: op.method, path: fill(params), params, headers: extra.headers ?? (await headers()), ...extra });

      // Every path parameter: each legitimate value (actions), then hostile ones.
      for (const name of Object.keys(op.pathParams)) {
        for (const value of [...(op.pathParams[name] ?? []), ...hostileIds]) await send({ ...firstParams, [name]: value });
      }
      // Every query parameter alone, and a few at once. A 400 must name the parameter.
      for (const name of op.queryParams) {
        const answers = await Promise.all(
          hostileStrings.map((value) =>
            send(firstParams, { query: new URLSearchParams({ [name]: value }).toString() }).then((res) => ({ value, res })),
          ),
        );
        for (const { value, res } of answers) {
          if (res.status === 400)
            expect(
              Object.keys((res.json as { fieldErrors?: object } | null)?.fieldErrors ?? {}),
              `${op.path}?${name}=${value.slice(0, 40)}`,
            ).toContain(name);
        }
      }
      if (op.queryParams.length > 0) {
        for (const value of hostileStrings.slice(0, 6))
          await send(firstParams, { query: op.queryParams.map((n) => `${n}=${encodeURIComponent(value)}`).join("&") });
      }
      // Numbers behave differently per sort (the "value" sort divides a price cap into another unit):
      // each hostile number in each parameter under each value of every small enum (sort, framework).
      for (const [enumName, values] of Object.entries(op.queryEnums)) {
        for (const enumValue of values) {
          for (const name of op.queryParams.filter((n) => n !== enumName)) {
            await Promise.all(
              hostileNumbers.map((value) =>
                send(firstParams, { query: new URLSearchParams({ [enumName]: enumValue, [name]: value }).toString() }),
              ),
            );
          }
        }
      }
      if (op.bodyFields === null) continue;
      // Every body field, one hostile value at a time on top of a valid body; then hostile whole bodies.
      const base = bases[`${op.method} ${op.path}`] ?? {};
      for (const field of op.bodyFields) {
        // A field's values go out together, as concurrent clients would: also a test that races end in 4xx.
        await Promise.all(hostileJson.map((value) => send(firstParams, { body: JSON.stringify({ ...base, [field]: value }) })));
      }
      for (const body of hostileBodies) await send(firstParams, { body });
      // A body whose Content-Length claims more than the limit is refused before it is read.
      const lying = await headers();
      lying.set("content-length", String(10 * 1024 * 1024));
      const res = await send(firstParams, { body: "{}", headers: lying });
      // Routes that refuse the caller first (the agent API wants its own credential) never read it at all.
      expect([401, 403, 404, 413, 429], `${op.method} ${op.path} with a 10 MB Content-Length`).toContain(res.status);
      if (res.status === 413) tooLarge++;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `API fuzz: ${sender.count()} hostile requests to ${operations.length} operations in ${seconds.toFixed(1)} s, ${sender.failures.length} answered 5xx`,
    );
    expect(sender.failures).toEqual([]);
    expect(tooLarge).toBeGreaterThan(15);
    expect(sender.count()).toBeGreaterThan(1_500);
  }, 120_000);
});
