/**
 * `run`: the service process. Wires the real clock, network and nvidia-smi into runAgent and turns
 * SIGTERM/SIGINT into a clean stop (exit 0). A second signal exits at once.
 */
import { defaultBackoff } from "../backoff";
import { readConfig } from "../config";
import { detectHardware } from "../detect/hardware";
import { sampleGpus } from "../detect/gpus";
import type { AgentEnv } from "../env";
import { AgentError, exitCodes, type Io } from "../errors";
import { apiUrl, postJson } from "../http";
import { createLogger, type Logger } from "../log";
import { abortableSleep, runAgent } from "../run-loop";
import { AGENT_VERSION } from "../version";

export async function run(env: AgentEnv, io: Io, log: Logger = createLogger()): Promise<number> {
  const config = await readConfig(env.home);
  if (!config) throw new AgentError(`not paired: run idlegrid-agent pair <code> first (no config in ${env.home})`, exitCodes.config);

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    log.info("stopping", { signal });
    controller.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  log.info("starting", {
    version: AGENT_VERSION,
    server: config.server,
    machineId: config.machineId,
    heartbeatSeconds: env.heartbeatSeconds,
  });
  try {
    const result = await runAgent({
      post: (apiPath, body, signal) =>
        postJson(apiUrl(config.server, apiPath), body, { credential: config.credential, signal, timeoutMs: 15_000 }),
      hardware: async () => {
        const { hardware, problems } = await detectHardware(env);
        for (const p of problems) log.warn("hardware_problem", { code: p.code, message: p.message });
        return hardware;
      },
      sample: () => sampleGpus(env.nvidiaSmi),
      sleep: abortableSleep,
      now: Date.now,
      random: Math.random,
      log,
      intervalMs: env.heartbeatSeconds * 1000,
      backoff: defaultBackoff,
      signal: controller.signal,
    });
    switch (result.reason) {
      case "stopped":
        log.info("stopped");
        return exitCodes.ok;
      case "revoked":
        log.error("credential_revoked", { status: result.status, message: result.message });
        io.err(
          `idlegrid-agent: the server refused this machine's credential (${result.message}): it was revoked or the machine removed; pair again with a new code`,
        );
        return exitCodes.config;
      case "rejected":
        log.error("report_rejected", { status: result.status, message: result.message });
        io.err(`idlegrid-agent: ${result.message}`);
        return exitCodes.failed;
    }
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}
