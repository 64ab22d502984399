/**
 * Starts, watches and stops the child processes of `npm run dev` and of the
 * test stacks. Every child runs in its own process group and its pid is written
 * to a pid file, so that a run which was killed outright (kill -9, a closed
 * terminal) is cleaned up by the next one instead of leaving ports taken.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

interface Child {
  name: string;
  proc: ChildProcess;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Append the child's output to this file instead of the console. */
  logFile?: string;
  /** Prefix for output shown on the console. */
  prefix?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

async function terminate(pid: number, graceMs: number) {
  signalGroup(pid, "SIGTERM");
  if (!(await waitUntilGone(pid, graceMs))) {
    signalGroup(pid, "SIGKILL");
    await waitUntilGone(pid, 2000);
  }
}

export class Supervisor {
  private children: Child[] = [];
  private stopping = false;

  constructor(private readonly pidFile: string) {}

  /** Stops processes left behind by an earlier run that did not shut down. */
  async reapStale(): Promise<number> {
    if (!existsSync(this.pidFile)) return 0;
    let pids: number[] = [];
    try {
      pids = (JSON.parse(readFileSync(this.pidFile, "utf8")) as { pid: number }[]).map((c) => c.pid);
    } catch {
      /* a torn pid file: nothing trustworthy to reap */
    }
    const stale = pids.filter(alive);
    await Promise.all(stale.map((pid) => terminate(pid, 5000)));
    rmSync(this.pidFile, { force: true });
    return stale.length;
  }

  spawn(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const proc = spawn(command, args, {
      env: options.env ?? process.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (options.logFile) {
      mkdirSync(path.dirname(options.logFile), { recursive: true });
      const log = createWriteStream(options.logFile, { flags: "a" });
      proc.stdout?.pipe(log);
      proc.stderr?.pipe(log);
    } else {
      const prefix = options.prefix ?? `[${name}] `;
      for (const stream of [proc.stdout, proc.stderr]) {
        stream?.setEncoding("utf8");
        stream?.on("data", (chunk: string) => {
          for (const line of chunk.split("\n")) if (line.trim()) process.stdout.write(`${prefix}${line}\n`);
        });
      }
    }
    this.children.push({ name, proc });
    this.writePidFile();
    return proc;
  }

  /** Calls `onExit` when any child dies while the supervisor is not stopping. */
  watch(onExit: (name: string, code: number | null) => void) {
    for (const { name, proc } of this.children) {
      proc.once("exit", (code) => {
        if (!this.stopping) onExit(name, code);
      });
    }
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    // Reverse start order: the app stops before the database and chain it uses.
    for (const { proc } of [...this.children].reverse()) {
      if (proc.pid !== undefined && proc.exitCode === null) await terminate(proc.pid, 8000);
    }
    this.children = [];
    rmSync(this.pidFile, { force: true });
  }

  private writePidFile() {
    mkdirSync(path.dirname(this.pidFile), { recursive: true });
    const entries = this.children.filter((c) => c.proc.pid !== undefined).map((c) => ({ name: c.name, pid: c.proc.pid }));
    writeFileSync(this.pidFile, JSON.stringify(entries));
  }
}

export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
