/**
 * The non-GPU half of the hardware report: CPU, memory, disk, hostname, OS. Parsers are pure and
 * exported for tests; detectHost reads /proc and /etc where they exist and falls back to the os
 * module elsewhere (a developer's Mac runs `doctor` too).
 */
import { readFile, statfs } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Hardware } from "../protocol";

export type HostInfo = Pick<Hardware, "hostname" | "os" | "cpu" | "memoryMiB" | "disk">;

/** MemTotal from /proc/meminfo, in MiB (the file says kB, meaning KiB). */
export function parseMeminfoTotalMiB(meminfo: string): number | null {
  const m = /^MemTotal:\s+(\d+)\s*kB$/m.exec(meminfo);
  return m ? Math.floor(Number(m[1]) / 1024) : null;
}

/** Model name and physical core count (distinct physical id + core id pairs) from /proc/cpuinfo. */
export function parseCpuinfo(cpuinfo: string): { model: string | null; cores: number | null } {
  let model: string | null = null;
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, "m").exec(block)?.[1]?.trim();
    model ??= field("model name") ?? null;
    const physical = field("physical id");
    const core = field("core id");
    if (physical !== undefined && core !== undefined) cores.add(`${physical}:${core}`);
  }
  // VMs and ARM kernels often omit core ids: then we do not know, rather than guess.
  return { model, cores: cores.size > 0 ? cores.size : null };
}

/** PRETTY_NAME from /etc/os-release, unquoted. */
export function parseOsRelease(text: string): string | null {
  const m = /^PRETTY_NAME=(.*)$/m.exec(text);
  if (!m?.[1]) return null;
  return m[1].trim().replace(/^(["'])(.*)\1$/, "$2") || null;
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null; // absent off Linux or in odd containers; callers fall back
  }
}

/**
 * Size and free space of the filesystem holding `dir`. When `dir` does not exist yet (before the
 * first `pair`), the nearest existing parent is measured: that is where it will be created.
 */
export async function diskOf(dir: string): Promise<HostInfo["disk"]> {
  let at = path.resolve(dir);
  for (;;) {
    try {
      const s = await statfs(at);
      return { path: at, totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    } catch (e) {
      const parent = path.dirname(at);
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || parent === at) return null;
      at = parent;
    }
  }
}

export async function detectHost(dataDir: string): Promise<HostInfo> {
  const [meminfo, cpuinfo, osRelease, disk] = await Promise.all([
    readOptional("/proc/meminfo"),
    readOptional("/proc/cpuinfo"),
    readOptional("/etc/os-release"),
    diskOf(dataDir),
  ]);
  const cpus = os.cpus();
  const parsedCpu = cpuinfo ? parseCpuinfo(cpuinfo) : { model: null, cores: null };
  return {
    hostname: os.hostname(),
    os: { platform: os.platform(), distro: osRelease ? parseOsRelease(osRelease) : null, kernel: os.release(), arch: os.arch() },
    cpu: {
      model: parsedCpu.model ?? cpus[0]?.model.trim() ?? "unknown",
      cores: parsedCpu.cores,
      // All logical CPUs of the host, not this process's affinity: the listing offers the machine.
      threads: Math.max(1, cpus.length),
    },
    memoryMiB: (meminfo ? parseMeminfoTotalMiB(meminfo) : null) ?? Math.floor(os.totalmem() / 1024 / 1024),
    disk,
  };
}
