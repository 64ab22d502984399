/**
 * The agent endpoints through their route handlers against the real test database: pairing (the code
 * path and its failures), hardware reports (a contradiction sends the listing back to review with the
 * difference), and heartbeats (who may send them, junk stored nowhere, the rate limit).
 */
import { describe, expect, it } from "vitest";
import { POST as pairRoute } from "@/app/api/v1/agent/pair/route";
import { POST as reportRoute } from "@/app/api/v1/agent/report/route";
import { POST as heartbeatRoute } from "@/app/api/v1/agent/heartbeat/route";
import { POST as issueRoute } from "@/app/api/v1/listings/[id]/pairing-codes/route";
import { DELETE as revokeRoute } from "@/app/api/v1/listings/[id]/agent-credentials/[credentialId]/route";
import { db } from "@/lib/core/server/db";
import { moderationQueue } from "@/lib/admin/server/moderation";
import { sha256Hex } from "@/lib/machines/secrets";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";
import { hardwareReport, heartbeatFor, pairedMachine } from "@/test/agent";
import { agentHeartbeatSchema, agentPairedSchema, agentReportSchema, pairingCodeSchema } from "@/lib/machines/agent-dto";

const api = `${appUrl.origin}/api/v1`;
const agentHeaders = (credential?: string) => ({
  "content-type": "application/json",
  ...(credential ? { authorization: `Bearer ${credential}` } : {}),
});

async function call(route: (r: Request) => Promise<Response>, path: string, body: unknown, headers: Record<string, string>) {
  const res = await route(
    new Request(`${api}/agent/${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

async function issueCode(machineId: string, headers: Headers) {
  const res = await issueRoute(new Request(`${api}/listings/${machineId}/pairing-codes`, { method: "POST", headers }), {
    params: Promise.resolve({ id: machineId }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string; error?: string } };
}

describe("POST /api/v1/agent/pair", () => {
  it("trades the owner's one-time code for a credential stored only as a hash", async () => {
    const provider = await createUser();
    const machine = await createMachine(provider.id, { gpuModel: "H100-SXM", gpuCount: 8 });
    const issued = await issueCode(machine.id, await signedInHeaders(provider.id));
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Every answer is what the OpenAPI document says it is (its schemas are lib/machines/agent-dto.ts).
    expect(pairingCodeSchema.safeParse(issued.body).success).toBe(true);

    const hw = hardwareReport({ model: "H100-SXM", count: 8 });
    const res = await call(
      pairRoute,
      "pair",
      { code: issued.body.code?.toLowerCase(), hostname: "h100-box", hardware: hw },
      agentHeaders(),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ machineId: machine.id, listingId: machine.id, differences: [], sentToReview: false });
    expect(agentPairedSchema.strict().safeParse(res.body).success).toBe(true);
    const credential = res.body.credential as string;
    expect(credential).toMatch(/^iga_[A-Za-z0-9_-]{43}$/);
    const stored = await db.agentCredential.findFirstOrThrow({ where: { machineId: machine.id } });
    expect(stored.hash).toBe(sha256Hex(credential));
    expect(stored.prefix).toBe(credential.slice(0, 12));
    expect(JSON.stringify(stored)).not.toContain(credential);
    const agent = await db.machineAgent.findUniqueOrThrow({ where: { machineId: machine.id } });
    expect(agent).toMatchObject({
      gpuModel: "H100-SXM",
      gpuCount: 8,
      gpuMemoryMiB: 81559,
      hostname: hw.hostname,
      cudaVersion: 124,
      flags: [],
    });
    expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).agentReportedAt).not.toBeNull();
  });

  it("refuses a code used once already, and an expired one, each with its reason", async () => {
    const provider = await createUser();
    const machine = await createMachine(provider.id);
    const headers = await signedInHeaders(provider.id);
    const { body } = await issueCode(machine.id, headers);
    const pair = { code: body.code, hostname: "box", hardware: hardwareReport() };
    expect((await call(pairRoute, "pair", pair, agentHeaders())).status).toBe(201);
    const again = await call(pairRoute, "pair", pair, agentHeaders());
    expect(again).toMatchObject({ status: 401, body: { error: "pairing_code_used" } });

    const late = await issueCode(machine.id, headers);
    await db.agentPairingCode.updateMany({
      where: { usedAt: null, machineId: machine.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await call(pairRoute, "pair", { ...pair, code: late.body.code }, agentHeaders());
    expect(expired).toMatchObject({ status: 401, body: { error: "pairing_code_expired" } });
    expect((await call(pairRoute, "pair", { ...pair, code: "ABCD-EFGH-JKMN" }, agentHeaders())).body.error).toBe("pairing_code_unknown");
  });

  it("gives no code for someone else's machine", async () => {
    const owner = await createUser();
    const other = await signedInHeaders((await createUser()).id);
    const live = await createMachine(owner.id);
    const draft = await createMachine(owner.id, { status: "DRAFT" });
    expect(await issueCode(live.id, other)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await issueCode(draft.id, other)).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await db.agentPairingCode.count({ where: { machineId: { in: [live.id, draft.id] } } })).toBe(0);
  });

  it("answers junk with 400 naming the fields", async () => {
    const res = await call(pairRoute, "pair", { code: "no", hostname: "", hardware: { gpus: "many" } }, agentHeaders());
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fieldErrors as object)).toEqual(
      expect.arrayContaining(["code", "hostname", "hardware.agentVersion", "hardware.gpus"]),
    );
    expect((await call(pairRoute, "pair", "{not json", agentHeaders())).status).toBe(400);
  });
});

describe("POST /api/v1/agent/report", () => {
  it("sends a live listing whose measured GPUs contradict it back to review, with the difference in the queue", async () => {
    const { machine, credential, provider } = await pairedMachine({ model: "H100-SXM", count: 8 });
    const res = await call(reportRoute, "report", { hardware: hardwareReport({ model: "RTX-4090", count: 2 }) }, agentHeaders(credential));
    expect(res.status).toBe(200);
    expect(res.body.sentToReview).toBe(true);
    expect(agentReportSchema.strict().safeParse(res.body).success).toBe(true);
    expect(res.body.differences).toEqual([
      { field: "gpuModel", declared: "H100-SXM", measured: "RTX-4090" },
      { field: "gpuCount", declared: 8, measured: 2 },
      { field: "vramGb", declared: 80, measured: "24564 MiB" },
    ]);
    const listing = await db.machine.findUniqueOrThrow({
      where: { id: machine.id },
      include: { statusChanges: { orderBy: { at: "desc" }, take: 1 } },
    });
    expect(listing.status).toBe("PENDING_REVIEW");
    expect(listing.statusChanges[0]).toMatchObject({
      status: "PENDING_REVIEW",
      reason: expect.stringContaining("gpuModel: declared H100-SXM, measured RTX-4090"),
    });
    expect(await db.notification.findFirst({ where: { userId: provider.id, kind: "machine.review" } })).not.toBeNull();
    const item = (await moderationQueue(1000)).find((q) => q.id === machine.id);
    expect(item?.agent?.differences.map((d) => d.field)).toEqual(["gpuModel", "gpuCount", "vramGb"]);

    // Approved anyway: the same difference reported at the next start does not send it back.
    await db.machine.update({ where: { id: machine.id }, data: { status: "LIVE" } });
    const again = await call(
      reportRoute,
      "report",
      { hardware: hardwareReport({ model: "RTX-4090", count: 2 }) },
      agentHeaders(credential),
    );
    expect(again.body.sentToReview).toBe(false);
    expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).status).toBe("LIVE");
  });

  it("flags a GPU the catalog does not know and reviews the listing", async () => {
    const { machine, credential } = await pairedMachine({ model: "RTX-4090" });
    const res = await call(
      reportRoute,
      "report",
      { hardware: hardwareReport({ name: "NVIDIA Quantum Z9", memoryMiB: 24564 }) },
      agentHeaders(credential),
    );
    expect(res.body).toMatchObject({ sentToReview: true, flags: ["unknown_gpu"] });
    expect(res.body.differences).toEqual([{ field: "gpuModel", declared: "RTX-4090", measured: "NVIDIA Quantum Z9" }]);
    expect((await db.machineAgent.findUniqueOrThrow({ where: { machineId: machine.id } })).flags).toEqual(["unknown_gpu"]);
  });
});

describe("POST /api/v1/agent/heartbeat", () => {
  it("names why a credential is refused", async () => {
    const { hw, credential, machine, provider } = await pairedMachine();
    const body = heartbeatFor(hw);
    expect((await call(heartbeatRoute, "heartbeat", body, agentHeaders())).body.error).toBe("missing_credential");
    expect((await call(heartbeatRoute, "heartbeat", body, { authorization: "Basic abc" })).body.error).toBe("malformed_credential");
    expect((await call(heartbeatRoute, "heartbeat", body, agentHeaders(`iga_${"A".repeat(43)}`))).body).toMatchObject({
      error: "unknown_credential",
    });
    const accepted = await call(heartbeatRoute, "heartbeat", body, agentHeaders(credential));
    expect(accepted.status).toBe(200);
    expect(agentHeartbeatSchema.strict().safeParse(accepted.body).success).toBe(true);

    const { id } = await db.agentCredential.findFirstOrThrow({ where: { machineId: machine.id } });
    const res = await revokeRoute(
      new Request(`${api}/listings/${machine.id}/agent-credentials/${id}`, {
        method: "DELETE",
        headers: await signedInHeaders(provider.id),
      }),
      {
        params: Promise.resolve({ id: machine.id, credentialId: id }),
      },
    );
    expect(res.status).toBe(200);
    const refused = await call(heartbeatRoute, "heartbeat", body, agentHeaders(credential));
    expect(refused).toMatchObject({ status: 401, body: { error: "revoked_credential" } });
    expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).onlineNow).toBe(false);
  });

  it("answers junk with 400 naming the fields and stores nothing", async () => {
    const { credential, machine } = await pairedMachine();
    const junk = { at: "yesterday", gpus: [{ uuid: "GPU-1", utilizationPct: 250, memoryUsedMiB: -1, temperatureC: "hot" }] };
    const res = await call(heartbeatRoute, "heartbeat", junk, agentHeaders(credential));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fieldErrors as object).sort()).toEqual([
      "at",
      "gpus.0.memoryUsedMiB",
      "gpus.0.temperatureC",
      "gpus.0.utilizationPct",
      "gpus.0.uuid",
    ]);
    expect(await db.machineUptime.count({ where: { machineId: machine.id } })).toBe(0);
    expect(await db.machineSample.count({ where: { machineId: machine.id } })).toBe(0);
    const listing = await db.machine.findUniqueOrThrow({ where: { id: machine.id }, include: { agent: true } });
    expect(listing).toMatchObject({ onlineNow: false, uptime30dBp: null, agent: { firstSeenAt: null, lastHeartbeatAt: null } });
  });

  it("limits each credential's requests a minute and says when to retry", async () => {
    const { hw, credential } = await pairedMachine();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 11; i++) {
      last = await call(heartbeatRoute, "heartbeat", heartbeatFor(hw), agentHeaders(credential));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const retryAfter = Number(last?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last?.body.error).toBe("rate_limited");
  });
});
