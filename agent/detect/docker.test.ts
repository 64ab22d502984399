import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifySocketError, dockerVersion, socketPathOf } from "./docker";

/** A stand-in for dockerd: an HTTP server on a unix socket answering GET /version as Engine 24 does. */
function fakeDockerd(socketPath: string, answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<http.Server> {
  const server = http.createServer(answer);
  return new Promise((resolve) => server.listen(socketPath, () => resolve(server)));
}

function dockerVersionAsNobody(dockerHost: string): Promise<unknown> {
  const script = `import(${JSON.stringify(path.join(import.meta.dirname, "docker.ts"))}).then(async (m) => process.stdout.write(JSON.stringify(await m.dockerVersion(${JSON.stringify(dockerHost)}))))`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "-e", script],
      { uid: 65534, gid: 65534, cwd: path.join(import.meta.dirname, "../..") },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
  });
}

const engineVersion = {
  Platform: { Name: "Docker Engine - Community" },
  Version: "24.0.7",
  ApiVersion: "1.43",
  MinAPIVersion: "1.12",
  GitCommit: "311b9ff",
  GoVersion: "go1.20.10",
  Os: "linux",
  Arch: "amd64",
  KernelVersion: "5.15.0-105-generic",
};

describe("dockerVersion", () => {
  let dir: string;
  const servers: http.Server[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "idlegrid-docker-"));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the engine and API version from GET /version on DOCKER_HOST's socket", async () => {
    const socket = path.join(dir, "docker.sock");
    const seen: string[] = [];
    servers.push(
      await fakeDockerd(socket, (req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(engineVersion));
      }),
    );
    expect(await dockerVersion(`unix://${socket}`)).toEqual({ ok: true, version: "24.0.7", apiVersion: "1.43" });
    expect(seen).toEqual(["GET /version"]);
  });

  it("says Docker is missing when there is no socket", async () => {
    const result = await dockerVersion(`unix://${path.join(dir, "absent.sock")}`);
    expect(result).toMatchObject({ ok: false, problem: { kind: "no-docker" } });
  });

  it("says it is not Docker when the socket answers something else", async () => {
    const socket = path.join(dir, "other.sock");
    servers.push(await fakeDockerd(socket, (_req, res) => res.writeHead(200).end("hello")));
    expect(await dockerVersion(`unix://${socket}`)).toMatchObject({
      ok: false,
      problem: { kind: "failed", message: expect.stringMatching(/not a Docker API/) },
    });
  });

  it("gives up on a socket that never answers", async () => {
    const socket = path.join(dir, "hung.sock");
    servers.push(await fakeDockerd(socket, () => {}));
    expect(await dockerVersion(`unix://${socket}`, 200)).toMatchObject({
      ok: false,
      problem: { kind: "failed", message: expect.stringMatching(/ETIMEDOUT/) },
    });
  });

  it("says the user lacks permission on a socket it may not open", async () => {
    const socket = path.join(dir, "locked.sock");
    servers.push(await fakeDockerd(socket, (_req, res) => res.end(JSON.stringify(engineVersion))));
    await chmod(dir, 0o755);
    await chmod(socket, 0o600);
    // Root ignores file modes, so as root the check runs as nobody (uid 65534), as the agent's own user would.
    const result = process.getuid?.() === 0 ? await dockerVersionAsNobody(`unix://${socket}`) : await dockerVersion(`unix://${socket}`);
    expect(result).toMatchObject({ ok: false, problem: { kind: "no-permission" } });
  });

  it("names each socket error", () => {
    expect(classifySocketError("EACCES", "/var/run/docker.sock")).toEqual({
      kind: "no-permission",
      message: "no permission on /var/run/docker.sock: add this user to the docker group",
    });
    expect(classifySocketError("ECONNREFUSED", "/s").kind).toBe("not-running");
    expect(classifySocketError("ENOENT", "/s").kind).toBe("no-docker");
    expect(classifySocketError(undefined, "/s").kind).toBe("failed");
  });

  it("accepts only unix:// hosts", () => {
    expect(socketPathOf("unix:///run/user/1000/docker.sock")).toEqual({ socketPath: "/run/user/1000/docker.sock" });
    expect(socketPathOf("tcp://10.0.0.2:2376")).toMatchObject({ problem: { kind: "unsupported-host" } });
  });
});
