import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile, chmod } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchDisk } from "./disk";
import { benchDownload, DownloadError } from "./download";
import { benchScript, parseBenchOutput, probeTorch } from "./gpu";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "idlegrid-bench-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("benchDisk", () => {
  it("writes, fsyncs and reads back a real file, then removes it", async () => {
    const target = path.join(dir, "data");
    const result = await benchDisk(target, 24 * 1024 * 1024 + 123);
    expect(result).toMatchObject({ path: target, sizeBytes: 24 * 1024 * 1024 + 123, readMayBeCached: true });
    expect(result.writeMBps).toBeGreaterThan(0);
    expect(result.readMBps).toBeGreaterThan(0);
    expect(await readdir(target)).toEqual([]);
  });
});

describe("benchDownload", () => {
  let server: http.Server;
  let base: string;
  const payload = Buffer.alloc(8 * 1024 * 1024, 7);
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/file") return res.writeHead(200, { "Content-Length": payload.length }).end(payload);
      if (req.url === "/endless") {
        res.writeHead(200);
        const pump = () => (res.write(Buffer.alloc(64 * 1024)) ? setImmediate(pump) : res.once("drain", pump));
        return pump();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("measures a whole download from a local server", async () => {
    const result = await benchDownload(`${base}/file`);
    expect(result).toMatchObject({ url: `${base}/file`, bytes: payload.length });
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.megabitsPerSecond).toBeGreaterThan(0);
  });

  it("stops at the byte limit on an endless body", async () => {
    const result = await benchDownload(`${base}/endless`, { maxBytes: 2 * 1024 * 1024 });
    expect(result.bytes).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(result.bytes).toBeLessThan(3 * 1024 * 1024);
  });

  it("fails with the status for a missing file", async () => {
    await expect(benchDownload(`${base}/missing`)).rejects.toThrow(new DownloadError(`download from ${base}/missing answered HTTP 404`));
  });
});

describe("GPU bench", () => {
  it("skips with a reason when there is no python", async () => {
    expect(await probeTorch(path.join(dir, "no-python"))).toMatchObject({ ok: false, reason: expect.stringMatching(/not found$/) });
  });

  it("skips with a reason when torch is missing or sees no CUDA", async () => {
    // A stand-in python that answers the probe the way a host without torch, or without a GPU, does.
    const fake = path.join(dir, "python-no-cuda");
    await writeFile(fake, `#!/bin/sh\necho '{"python": "3.11.9", "torch": "2.5.1+cpu", "cuda": false, "torchCuda": null}'\n`);
    await chmod(fake, 0o755);
    expect(await probeTorch(fake)).toEqual({
      ok: false,
      reason: "PyTorch 2.5.1+cpu sees no CUDA device",
      python: "3.11.9",
      torch: "2.5.1+cpu",
    });
    const noTorch = path.join(dir, "python-no-torch");
    await writeFile(noTorch, `#!/bin/sh\necho '{"python": "3.11.9", "torch": null, "cuda": false, "torchCuda": null}'\n`);
    await chmod(noTorch, 0o755);
    expect(await probeTorch(noTorch)).toMatchObject({ ok: false, reason: expect.stringContaining("PyTorch is not installed") });
  });

  it("embeds a script python can compile", () => {
    // No GPU here to run it; compiling catches syntax and indentation slips in the template string.
    let python: string | null = null;
    try {
      execFileSync("python3", ["--version"]);
      python = "python3";
    } catch {
      python = null;
    }
    if (python === null) return;
    execFileSync(python, ["-c", "import sys; compile(sys.stdin.read(), 'bench', 'exec')"], { input: benchScript });
  });

  it("reads the script's JSON line, ignoring warnings before it", () => {
    const line = JSON.stringify({
      devices: [{ index: 0, name: "NVIDIA H100 80GB HBM3", matmulTflops: 712.4, memoryBandwidthGBs: 2905.3, hostToDeviceGBs: 52.1 }],
    });
    expect(parseBenchOutput(`UserWarning: TF32 is enabled\n${line}\n`)).toMatchObject({ ok: true, devices: [{ matmulTflops: 712.4 }] });
    expect(parseBenchOutput("Traceback (most recent call last):\n")).toEqual({ ok: false, reason: "the GPU benchmark printed no result" });
  });
});
