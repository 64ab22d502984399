/**
 * The GPU part of `bench`, measured with PyTorch when the host has it: dense bf16 matmul TFLOPS,
 * device memory bandwidth and pinned host-to-device bandwidth, per GPU. The agent does not ship
 * CUDA code of its own; without python3 + torch + a CUDA device it skips with the reason.
 */
import { execFile } from "node:child_process";
import { z } from "zod";
import { benchGpuDeviceSchema } from "../protocol";

export type TorchProbe =
  | { ok: true; python: string; torch: string; torchCuda: string | null }
  | { ok: false; reason: string; python: string | null; torch: string | null };

export type GpuBench = { ok: true; devices: z.infer<typeof benchGpuDeviceSchema>[] } | { ok: false; reason: string };

const probeScript = `
import json, platform
out = {"python": platform.python_version(), "torch": None, "cuda": False, "torchCuda": None}
try:
    import torch
    out["torch"] = torch.__version__
    out["torchCuda"] = torch.version.cuda
    out["cuda"] = bool(torch.cuda.is_available())
except ImportError:
    pass
print(json.dumps(out))
`;

const probeSchema = z.object({ python: z.string(), torch: z.string().nullable(), cuda: z.boolean(), torchCuda: z.string().nullable() });

/**
 * Runs on every visible GPU in turn. Each figure is the mean over several runs after a warm-up, with
 * a synchronize before reading the clock, since CUDA calls return before the work is done.
 * argv: matmul size n (n x n bf16), copy size in MiB.
 */
export const benchScript = `
import json, sys, time
import torch

n = int(sys.argv[1]) if len(sys.argv) > 1 else 8192
copy_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024

def timed(fn, iters):
    fn()
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iters):
        fn()
    torch.cuda.synchronize()
    return (time.perf_counter() - start) / iters

devices = []
for i in range(torch.cuda.device_count()):
    dev = torch.device("cuda", i)
    torch.cuda.set_device(dev)
    a = torch.randn(n, n, device=dev, dtype=torch.bfloat16)
    b = torch.randn(n, n, device=dev, dtype=torch.bfloat16)
    t = timed(lambda: torch.mm(a, b), 20)
    tflops = 2 * n ** 3 / t / 1e12
    del a, b

    size = copy_mib << 20
    x = torch.empty(size, dtype=torch.uint8, device=dev)
    y = torch.empty_like(x)
    t = timed(lambda: y.copy_(x), 20)
    bandwidth = 2 * size / t / 1e9  # each copy reads and writes every byte
    del x, y

    host = torch.empty(min(size, 256 << 20), dtype=torch.uint8).pin_memory()
    dest = torch.empty(host.numel(), dtype=torch.uint8, device=dev)
    t = timed(lambda: dest.copy_(host, non_blocking=True), 10)
    h2d = host.numel() / t / 1e9
    del host, dest
    torch.cuda.empty_cache()

    devices.append({
        "index": i,
        "name": torch.cuda.get_device_name(i),
        "matmulTflops": round(tflops, 1),
        "memoryBandwidthGBs": round(bandwidth, 1),
        "hostToDeviceGBs": round(h2d, 1),
    })
print(json.dumps({"devices": devices}))
`;

function runPython(
  python: string,
  args: string[],
  timeoutMs: number,
): Promise<{ ok: true; stdout: string } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    execFile(python, args, { timeout: timeoutMs, maxBuffer: 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, stdout });
      if (err.code === "ENOENT") return resolve({ ok: false, reason: `${python} not found` });
      if (err.killed) return resolve({ ok: false, reason: `${python} timed out after ${timeoutMs / 1000} s` });
      const lastLine = stderr.trim().split("\n").at(-1) ?? "";
      resolve({ ok: false, reason: `${python} failed${lastLine ? `: ${lastLine.slice(0, 200)}` : ""}` });
    });
  });
}

/** Which Python and torch there are, and whether torch sees a CUDA device. */
export async function probeTorch(python: string): Promise<TorchProbe> {
  const run = await runPython(python, ["-c", probeScript], 60_000);
  if (!run.ok) return { ok: false, reason: run.reason, python: null, torch: null };
  const parsed = probeSchema.safeParse(
    (() => {
      try {
        return JSON.parse(run.stdout);
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success) return { ok: false, reason: `${python} printed no probe result`, python: null, torch: null };
  const p = parsed.data;
  if (p.torch === null)
    return { ok: false, reason: `PyTorch is not installed for ${python} (pip install torch)`, python: p.python, torch: null };
  if (!p.cuda) return { ok: false, reason: `PyTorch ${p.torch} sees no CUDA device`, python: p.python, torch: p.torch };
  return { ok: true, python: p.python, torch: p.torch, torchCuda: p.torchCuda };
}

export async function benchGpus(
  python: string,
  options: { matmulSize?: number; copyMiB?: number; timeoutMs?: number } = {},
): Promise<GpuBench> {
  const args = ["-c", benchScript, String(options.matmulSize ?? 8192), String(options.copyMiB ?? 1024)];
  const run = await runPython(python, args, options.timeoutMs ?? 10 * 60_000);
  if (!run.ok) return run;
  return parseBenchOutput(run.stdout);
}

/** The script's last line is its JSON; anything torch printed before (warnings) is ignored. */
export function parseBenchOutput(stdout: string): GpuBench {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  let json: unknown = null;
  try {
    json = JSON.parse(last);
  } catch {
    // fall through to the schema's refusal
  }
  const parsed = z.object({ devices: z.array(benchGpuDeviceSchema).min(1) }).safeParse(json);
  if (!parsed.success) return { ok: false, reason: "the GPU benchmark printed no result" };
  return { ok: true, devices: parsed.data.devices };
}
