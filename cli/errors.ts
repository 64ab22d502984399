/**
 * Exit codes: 0 done, 1 failed (the server refused, the chain reverted, a timeout), 2 bad usage,
 * 3 the server refused the API key (unknown, revoked, expired, or without the scope), so a script
 * can tell "make a new key" from everything else.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, auth: 3 } as const;

/** An error whose message is the one line shown to the user, with the exit code to leave with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failed,
  ) {
    super(message);
  }
}

export const usage = (message: string) => new CliError(message, exitCodes.usage);

/** Where commands print: stdout for results, stderr for progress and problems; stdin for a key. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}
