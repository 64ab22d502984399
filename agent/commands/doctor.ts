/**
 * `doctor`: what the agent sees on this host, what it would report, and every reason the machine
 * cannot be rented yet, one line each on stderr. Exits 1 when any of those is an error.
 */
import { configFile, configPermissionProblems, readConfig } from "../config";
import { detectHardware, type Problem } from "../detect/hardware";
import type { AgentEnv } from "../env";
import { exitCodes, type Io } from "../errors";
import { agentApi, type Hardware } from "../protocol";

const gib = (mib: number) => `${(mib / 1024).toFixed(1)} GiB`;
const tb = (bytes: number) => (bytes >= 1e12 ? `${(bytes / 1e12).toFixed(2)} TB` : `${(bytes / 1e9).toFixed(1)} GB`);

/** One line per GPU: index, name, memory, power limit, PCIe link, UUID and the catalog model it maps to. */
function gpuLines(hardware: Hardware): string[] {
  return hardware.gpus.map((g) =>
    [
      String(g.index).padStart(2),
      g.name.padEnd(26),
      gib(g.memoryMiB).padStart(9),
      (g.powerLimitW === null ? "? W" : `${g.powerLimitW} W`).padStart(6),
      g.pcieGen === null ? "PCIe ?" : `PCIe ${g.pcieGen} x${g.pcieWidth ?? "?"}`,
      g.uuid,
      `→ ${g.catalogId ?? "unknown model, for review"}`,
    ].join("  "),
  );
}

export function formatHardware(hardware: Hardware, paired: string): string {
  const rows: Array<[string, string]> = [
    ["Host", [hardware.hostname, hardware.os.distro, `kernel ${hardware.os.kernel}`, hardware.os.arch].filter(Boolean).join(" · ")],
    ["CPU", `${hardware.cpu.model} · ${hardware.cpu.cores ?? "?"} cores / ${hardware.cpu.threads} threads`],
    ["Memory", gib(hardware.memoryMiB)],
    ["Disk", hardware.disk ? `${hardware.disk.path} · ${tb(hardware.disk.freeBytes)} free of ${tb(hardware.disk.totalBytes)}` : "unknown"],
    ["Driver", hardware.driverVersion ? `${hardware.driverVersion} · CUDA ${hardware.cudaVersion ?? "unknown"}` : "none"],
    ["GPUs", gpuLines(hardware).join("\n          ") || "none"],
    ["Docker", hardware.docker ? `${hardware.docker.version} (API ${hardware.docker.apiVersion})` : "none"],
    ["Paired", paired],
  ];
  return rows.map(([k, v]) => `${k.padEnd(10)}${v}`).join("\n");
}

export async function doctor(env: AgentEnv, options: { json: boolean }, io: Io): Promise<number> {
  const { hardware, problems } = await detectHardware(env);
  let paired: { server: string; machineId: string; listingId: string } | null = null;
  try {
    const config = await readConfig(env.home);
    if (config) paired = { server: config.server, machineId: config.machineId, listingId: config.listingId };
    else
      problems.push({
        code: "config:not-paired",
        severity: "error",
        message: `not paired: run idlegrid-agent pair <code> (looked for ${configFile(env.home)})`,
      });
  } catch (e) {
    problems.push({ code: "config:unreadable", severity: "error", message: (e as Error).message });
  }
  for (const message of await configPermissionProblems(env.home)) problems.push({ code: "config:permissions", severity: "error", message });

  const errors = problems.filter((p) => p.severity === "error");
  const wouldReport = { method: "POST", path: agentApi.report, body: { hardware } };
  if (options.json) {
    io.out(JSON.stringify({ ok: errors.length === 0, hardware, problems, paired, wouldReport }, null, 2));
  } else {
    const pairedText = paired ? `machine ${paired.machineId} (listing ${paired.listingId}) at ${paired.server}` : "no";
    io.out(formatHardware(hardware, pairedText));
    io.out(
      `\nWould report: ${wouldReport.method} ${paired?.server ?? "<server>"}${wouldReport.path} with the values above (--json shows the exact body)`,
    );
  }
  for (const p of problems) io.err(formatProblem(p));
  if (!options.json)
    io.err(errors.length === 0 ? "doctor: ready" : `doctor: ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix`);
  return errors.length === 0 ? exitCodes.ok : exitCodes.failed;
}

export function formatProblem(p: Problem): string {
  return `${p.severity === "error" ? "✗" : "!"} ${p.message}`;
}
