/**
 * Exit codes: 0 done, 1 failed (a problem found, the server unreachable or refusing), 2 bad usage,
 * 78 (EX_CONFIG) not paired or credential revoked. The systemd unit lists 78 in
 * RestartPreventExitStatus, so a revoked machine stops instead of restarting forever.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

/** An error whose message is the one line shown to the user, with the exit code to leave with. */
export class AgentError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failed,
  ) {
    super(message);
  }
}

/** Where commands print: stdout for results, stderr for problems. Tests pass collectors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
