import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cli } from "./cli";
import { writeConfig } from "./config";
import { benchReceiptSchema } from "./protocol";

const fakeSmi = path.join(import.meta.dirname, "fake/nvidia-smi");

/** Runs the CLI in-process, collecting what it prints. */
async function call(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err };
}

describe("cli", () => {
  let tmp: string;
  let env: Record<string, string>;
  let server: http.Server;
  let base: string;
  const received: Array<{ url: string | undefined; auth: string | undefined; body: string }> = [];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "idlegrid-cli-"));
    // The fake nvidia-smi is a child process: it reads the real environment, not the one passed to cli.
    vi.stubEnv("IDLEGRID_FAKE_GPU_PROFILE", "rtx4090");
    env = {
      IDLEGRID_AGENT_HOME: path.join(tmp, "home"),
      IDLEGRID_AGENT_DATA_DIR: path.join(tmp, "data"),
      IDLEGRID_NVIDIA_SMI: fakeSmi,
      IDLEGRID_PYTHON: path.join(tmp, "no-python"),
      DOCKER_HOST: `unix://${path.join(tmp, "no-docker.sock")}`,
    };
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ url: req.url, auth: req.headers.authorization, body });
        if (req.url === "/file") return res.end(Buffer.alloc(1024 * 1024));
        if (req.url === "/api/v1/agent/bench-receipts")
          return res.writeHead(201, { "Content-Type": "application/json" }).end('{"id":"r1"}');
        res.writeHead(410, { "Content-Type": "application/json" }).end('{"error":"pairing code expired"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await rm(tmp, { recursive: true, force: true });
  });

  it("prints help for the tool and each command", async () => {
    expect((await call(["--help"], env)).out).toMatch(/^idlegrid-agent \S+: connects a GPU machine/);
    for (const command of ["doctor", "pair", "run", "bench"]) {
      const { code, out } = await call([command, "--help"], env);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: idlegrid-agent ${command}`));
    }
  });

  it.each([
    [["frob"], 2, "idlegrid-agent: unknown command frob (see --help)"],
    [["doctor", "--bogus"], 2, "idlegrid-agent: Unknown option '--bogus' (see --help)"],
    [["run", "--server", "x"], 2, "idlegrid-agent: run has no --server option (see idlegrid-agent run --help)"],
    [["doctor", "extra"], 2, "idlegrid-agent: unexpected argument extra (see idlegrid-agent doctor --help)"],
    [["pair"], 2, "idlegrid-agent: pair needs the code shown in the app: idlegrid-agent pair <code>"],
    [["pair", "a b"], 2, "idlegrid-agent: invalid pairing code: pairing code must be 4-64 letters, digits or dashes"],
    [["pair", "ABCD-1234", "--server", "ftp://x"], 2, "idlegrid-agent: --server must be http(s), got ftp:"],
    [["run"], 78, expect.stringMatching(/^idlegrid-agent: not paired: run idlegrid-agent pair <code> first/)],
    [["bench", "--upload", "--no-gpu"], 78, "idlegrid-agent: --upload needs a paired machine: run idlegrid-agent pair <code> first"],
    [["bench", "--disk-size-mb", "lots"], 2, "idlegrid-agent: --disk-size-mb must be a whole number of MB, at least 1"],
  ])("%j exits %i with one line", async (argv, code, line) => {
    const result = await call(argv, env);
    expect(result.code).toBe(code);
    expect(result.err).toEqual([line]);
  });

  it("rejects a bad environment in one line", async () => {
    const result = await call(["doctor"], { ...env, IDLEGRID_AGENT_HEARTBEAT_SECONDS: "0" });
    expect(result.code).toBe(78);
    expect(result.err).toEqual([expect.stringMatching(/^idlegrid-agent: invalid environment: IDLEGRID_AGENT_HEARTBEAT_SECONDS: /)]);
  });

  it("doctor lists one line per problem, errors and warnings apart", async () => {
    const { code, out, err } = await call(["doctor"], env);
    expect(code).toBe(1);
    expect(out).toMatch(/^GPUs\s+0 {2}NVIDIA GeForce RTX 4090 .* → RTX-4090$/m);
    expect(err).toEqual([
      expect.stringMatching(/^✗ no Docker socket at .*no-docker\.sock: install Docker Engine or set DOCKER_HOST$/),
      expect.stringMatching(/^✗ not paired: run idlegrid-agent pair <code>/),
      "doctor: 2 problems to fix",
    ]);
  });

  it("pair shows the server's refusal in one line and stores nothing", async () => {
    const result = await call(["pair", "WXYZ-9876", "--server", base], env);
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toBe(`idlegrid-agent: pairing refused by ${base}: HTTP 410: pairing code expired`);
    expect((await call(["run"], env)).code).toBe(78);
  });

  it("pair refuses to replace a pairing without --force", async () => {
    const home = path.join(tmp, "paired");
    await writeConfig(home, {
      server: base,
      machineId: "m1",
      listingId: "l1",
      credential: "igm_0123456789abcdef0123",
      pairedAt: new Date().toISOString(),
    });
    const result = await call(["pair", "ABCD-1234", "--server", base], { ...env, IDLEGRID_AGENT_HOME: home });
    expect(result).toMatchObject({
      code: 2,
      err: [`idlegrid-agent: already paired as machine m1 with ${base}; pass --force to replace that pairing`],
    });
  });

  it("bench measures disk and download, skips the GPU with the reason, and uploads the receipt", async () => {
    const home = path.join(tmp, "bench-home");
    await writeConfig(home, {
      server: base,
      machineId: "m1",
      listingId: "l1",
      credential: "igm_0123456789abcdef0123",
      pairedAt: new Date().toISOString(),
    });
    const result = await call(["bench", "--disk-size-mb", "8", "--download-url", `${base}/file`, "--upload", "--json"], {
      ...env,
      IDLEGRID_AGENT_HOME: home,
    });
    expect(result.code).toBe(0);
    const receipt = benchReceiptSchema.parse(JSON.parse(result.out));
    expect(receipt).toMatchObject({ machineId: "m1", disk: { sizeBytes: 8_000_000 }, download: { bytes: 1024 * 1024 }, gpu: null });
    expect(receipt.skipped).toEqual([{ part: "gpu", reason: expect.stringMatching(/no-python not found; GPU part skipped$/) }]);
    expect(receipt.tools).toMatchObject({ driver: "570.133.07", cuda: "12.8", python: null });
    const upload = received.find((r) => r.url === "/api/v1/agent/bench-receipts");
    expect(upload?.auth).toBe("Bearer igm_0123456789abcdef0123");
    expect(JSON.parse(upload?.body ?? "null")).toEqual(receipt);
  });
});
