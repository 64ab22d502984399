/**
 * The agent's environment, validated once at start-up (main.ts) and passed down; nothing else in
 * agent/ reads process.env. Child processes (nvidia-smi, python3) still inherit the real environment.
 */
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const agentEnvSchema = z.object({
  /** Where config.json (server, machine id, credential) lives. See configDir for the default. */
  IDLEGRID_AGENT_HOME: z.string().min(1).optional(),
  /** The filesystem rented workloads use; reported as disk size/free and benchmarked. Defaults to the agent home. */
  IDLEGRID_AGENT_DATA_DIR: z.string().min(1).optional(),
  IDLEGRID_AGENT_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Used by `pair` when no --server is given. */
  IDLEGRID_SERVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The nvidia-smi to run; the one on PATH by default. */
  IDLEGRID_NVIDIA_SMI: z.string().min(1).default("nvidia-smi"),
  /** The Python that has torch, for `bench`'s GPU part. */
  IDLEGRID_PYTHON: z.string().min(1).default("python3"),
  /** Docker's own variable; only unix:// sockets are supported. */
  DOCKER_HOST: z.string().min(1).default("unix:///var/run/docker.sock"),
  XDG_CONFIG_HOME: z.string().min(1).optional(),
});

export interface AgentEnv {
  home: string;
  dataDir: string;
  heartbeatSeconds: number;
  serverUrl: string | undefined;
  nvidiaSmi: string;
  python: string;
  dockerHost: string;
}

export class AgentEnvError extends Error {}

/**
 * The config directory: $IDLEGRID_AGENT_HOME, else $XDG_CONFIG_HOME/idlegrid-agent, else
 * ~/.config/idlegrid-agent. No special case for root: a root-only /etc path would hold a credential
 * the unprivileged service user cannot read. The systemd unit sets IDLEGRID_AGENT_HOME explicitly.
 */
function configDir(vars: z.infer<typeof agentEnvSchema>): string {
  if (vars.IDLEGRID_AGENT_HOME) return path.resolve(vars.IDLEGRID_AGENT_HOME);
  const base = vars.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config");
  return path.join(base, "idlegrid-agent");
}

export function readAgentEnv(source: Record<string, string | undefined>): AgentEnv {
  // Empty strings are how shells and unit files unset things; treat them as absent.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = agentEnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AgentEnvError(`invalid environment: ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  const vars = parsed.data;
  const home = configDir(vars);
  return {
    home,
    dataDir: vars.IDLEGRID_AGENT_DATA_DIR ? path.resolve(vars.IDLEGRID_AGENT_DATA_DIR) : home,
    heartbeatSeconds: vars.IDLEGRID_AGENT_HEARTBEAT_SECONDS,
    serverUrl: vars.IDLEGRID_SERVER_URL,
    nvidiaSmi: vars.IDLEGRID_NVIDIA_SMI,
    python: vars.IDLEGRID_PYTHON,
    dockerHost: vars.DOCKER_HOST,
  };
}
