/**
 * Docker Engine's version, asked over its API socket (GET /version) rather than by running the
 * docker CLI: the CLI may be absent on a host that has the engine, and the socket is what the agent
 * will use to start workloads later, so its permissions are the thing worth checking now.
 */
import http from "node:http";
import { z } from "zod";

export type DockerProblem =
  | { kind: "no-docker"; message: string }
  | { kind: "not-running"; message: string }
  | { kind: "no-permission"; message: string }
  | { kind: "unsupported-host"; message: string }
  | { kind: "failed"; message: string };

export type DockerResult = { ok: true; version: string; apiVersion: string } | { ok: false; problem: DockerProblem };

const versionResponseSchema = z.object({ Version: z.string().min(1), ApiVersion: z.string().min(1) });

/** The socket path in DOCKER_HOST ("unix:///var/run/docker.sock"), or a problem for tcp:// and ssh:// hosts. */
export function socketPathOf(dockerHost: string): { socketPath: string } | { problem: DockerProblem } {
  const m = /^unix:\/\/(\/.+)$/.exec(dockerHost);
  if (m?.[1]) return { socketPath: m[1] };
  return {
    problem: {
      kind: "unsupported-host",
      message: `DOCKER_HOST=${dockerHost} is not a unix:// socket; the agent must run on the Docker host itself`,
    },
  };
}

/** Turns a socket error code into the sentence a provider needs. */
export function classifySocketError(code: string | undefined, socketPath: string): DockerProblem {
  switch (code) {
    case "ENOENT":
      return { kind: "no-docker", message: `no Docker socket at ${socketPath}: install Docker Engine or set DOCKER_HOST` };
    case "ECONNREFUSED":
      return {
        kind: "not-running",
        message: `Docker is not running (${socketPath} refused the connection): start it with systemctl start docker`,
      };
    case "EACCES":
    case "EPERM":
      return { kind: "no-permission", message: `no permission on ${socketPath}: add this user to the docker group` };
    default:
      return { kind: "failed", message: `Docker API at ${socketPath} failed: ${code ?? "unknown error"}` };
  }
}

function getJson(socketPath: string, requestPath: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: requestPath, headers: { Accept: "application/json" }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
  });
}

export async function dockerVersion(dockerHost: string, timeoutMs = 3000): Promise<DockerResult> {
  const target = socketPathOf(dockerHost);
  if ("problem" in target) return { ok: false, problem: target.problem };
  const { socketPath } = target;
  let res: { status: number; body: string };
  try {
    res = await getJson(socketPath, "/version", timeoutMs);
  } catch (e) {
    return { ok: false, problem: classifySocketError((e as NodeJS.ErrnoException).code, socketPath) };
  }
  if (res.status !== 200) {
    return { ok: false, problem: { kind: "failed", message: `Docker API GET /version answered ${res.status}` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = null;
  }
  const parsed = versionResponseSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problem: { kind: "failed", message: `${socketPath} is not a Docker API (GET /version gave no version)` } };
  return { ok: true, version: parsed.data.Version, apiVersion: parsed.data.ApiVersion };
}
