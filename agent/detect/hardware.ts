/**
 * The whole hardware report, plus what stands in the way of renting the machine out. Detection never
 * throws for a missing part: doctor must be able to list every problem at once, and `run` reports a
 * machine whose driver broke rather than going silent.
 */
import type { AgentEnv } from "../env";
import { type Hardware, hardwareSchema } from "../protocol";
import { AGENT_VERSION } from "../version";
import { dockerVersion } from "./docker";
import { detectGpus } from "./gpus";
import { detectHost } from "./host";

export interface Problem {
  /** Stable, for scripts reading `doctor --json`: "gpu:driver-mismatch", "docker:no-permission", "config:not-paired". */
  code: string;
  /** Errors keep the machine from being rented; warnings need a person to look. */
  severity: "error" | "warning";
  message: string;
}

export interface Detection {
  hardware: Hardware;
  problems: Problem[];
}

export async function detectHardware(env: Pick<AgentEnv, "dataDir" | "nvidiaSmi" | "dockerHost">): Promise<Detection> {
  const [host, gpus, docker] = await Promise.all([detectHost(env.dataDir), detectGpus(env.nvidiaSmi), dockerVersion(env.dockerHost)]);
  const problems: Problem[] = [];

  if (!gpus.ok) problems.push({ code: `gpu:${gpus.problem.kind}`, severity: "error", message: gpus.problem.message });
  else if (gpus.gpus.length === 0) problems.push({ code: "gpu:no-devices", severity: "error", message: "nvidia-smi lists no GPUs" });
  else {
    for (const g of gpus.gpus.filter((g) => g.unknown)) {
      problems.push({
        code: "gpu:unknown-model",
        severity: "warning",
        message: `GPU ${g.index} "${g.name}" (${g.memoryMiB} MiB) is not in the catalog; an admin will review it`,
      });
    }
    if (gpus.cudaVersion === null)
      problems.push({ code: "gpu:no-cuda", severity: "warning", message: "nvidia-smi reports no CUDA version" });
  }
  if (!docker.ok) problems.push({ code: `docker:${docker.problem.kind}`, severity: "error", message: docker.problem.message });
  if (host.disk === null)
    problems.push({ code: "disk:unreadable", severity: "warning", message: `cannot read disk size of ${env.dataDir}` });

  const hardware: Hardware = {
    agentVersion: AGENT_VERSION,
    ...host,
    gpus: gpus.ok ? gpus.gpus : [],
    driverVersion: gpus.ok ? gpus.driverVersion : null,
    cudaVersion: gpus.ok ? gpus.cudaVersion : null,
    docker: docker.ok ? { version: docker.version, apiVersion: docker.apiVersion } : null,
  };
  // A report the server would reject is our bug, not the host's: say so before sending it.
  const check = hardwareSchema.safeParse(hardware);
  if (!check.success) {
    const issue = check.error.issues[0];
    problems.push({
      code: "report:invalid",
      severity: "error",
      message: `hardware report fails the protocol schema at ${issue?.path.join(".")}: ${issue?.message}`,
    });
  }
  return { hardware, problems };
}
