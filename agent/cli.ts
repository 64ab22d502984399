/**
 * Command-line parsing and dispatch. Every failure leaves as one `idlegrid-agent: …` line on stderr
 * and a non-zero exit code (see errors.ts); --help works on every command.
 */
import { parseArgs } from "node:util";
import { bench } from "./commands/bench";
import { doctor } from "./commands/doctor";
import { defaultServerUrl, pair } from "./commands/pair";
import { run } from "./commands/run";
import { AgentEnvError, readAgentEnv } from "./env";
import { AgentError, exitCodes, type Io } from "./errors";
import { AGENT_VERSION } from "./version";

const help = {
  main: `idlegrid-agent ${AGENT_VERSION}: connects a GPU machine to Idlegrid.

Usage: idlegrid-agent <command> [options]

Commands:
  doctor              show what this host has and what stops it being rented
  pair <code>         pair this machine with the code shown in the app
  run                 report hardware, then send heartbeats (the systemd service runs this)
  bench               measure disk, download and GPU throughput and print a receipt

Run idlegrid-agent <command> --help for its options.

Environment:
  IDLEGRID_AGENT_HOME              config dir (default $XDG_CONFIG_HOME/idlegrid-agent or ~/.config/idlegrid-agent)
  IDLEGRID_AGENT_DATA_DIR          disk the workloads use; measured and benchmarked (default: the config dir)
  IDLEGRID_AGENT_HEARTBEAT_SECONDS heartbeat interval (default 30)
  IDLEGRID_SERVER_URL              server for pair when --server is not given (default ${defaultServerUrl})
  IDLEGRID_NVIDIA_SMI              nvidia-smi to run (default: from PATH)
  IDLEGRID_PYTHON                  Python with PyTorch for bench (default python3)
  DOCKER_HOST                      Docker socket (default unix:///var/run/docker.sock)

Exit codes: 0 ok, 1 failed, 2 bad usage, 78 not paired or credential revoked.`,
  doctor: `Usage: idlegrid-agent doctor [--json]

Detects GPUs (nvidia-smi), driver and CUDA version, CPU, memory, disk, Docker (API socket) and the
pairing, prints them and the report the agent would send, and one line per problem on stderr.
Exits 1 when something must be fixed before the machine can be rented.

  --json   machine-readable output: {ok, hardware, problems, paired, wouldReport}`,
  pair: `Usage: idlegrid-agent pair <code> [--server URL] [--force]

Pairs this machine using the one-time code from the app and stores the machine credential in
$IDLEGRID_AGENT_HOME/config.json (mode 0600).

  --server URL   the Idlegrid server (default $IDLEGRID_SERVER_URL or ${defaultServerUrl})
  --force        replace an existing pairing`,
  run: `Usage: idlegrid-agent run

Reports the hardware, then posts GPU utilization every IDLEGRID_AGENT_HEARTBEAT_SECONDS. Logs one
JSON object per line on stdout. Retries with backoff while the server is unreachable; stops with
exit code 78 if the server revokes the credential. SIGTERM or SIGINT stop it cleanly.`,
  bench: `Usage: idlegrid-agent bench [options]

Measures disk write (with fsync) and read speed, download speed, and, when python3 has PyTorch with
CUDA, matmul TFLOPS, memory and host-to-device bandwidth per GPU. Prints a receipt.

  --disk-size-mb N      size of the test file (default 1024)
  --dir PATH            where to write it (default IDLEGRID_AGENT_DATA_DIR)
  --download-url URL    file to download for the network figure
  --no-gpu              skip the GPU part
  --upload              post the receipt for this (paired) machine
  --json                print the receipt as JSON`,
} as const;

/** Every option of every command; each command then refuses the ones that are not its own. */
const optionSpec = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  server: { type: "string" },
  force: { type: "boolean" },
  "disk-size-mb": { type: "string" },
  dir: { type: "string" },
  "download-url": { type: "string" },
  "no-gpu": { type: "boolean" },
  upload: { type: "boolean" },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true });
  } catch (e) {
    // node's messages run on with advice about "--"; the first sentence is the useful one.
    throw new AgentError(`${(e as Error).message.split(/\.\s/)[0]} (see --help)`, exitCodes.usage);
  }
}

async function dispatch(argv: string[], source: Record<string, string | undefined>, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(help.main);
    return command === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (command === "--version" || command === "-v") {
    io.out(AGENT_VERSION);
    return exitCodes.ok;
  }
  if (!(command in help) || command === "main") throw new AgentError(`unknown command ${command} (see --help)`, exitCodes.usage);
  const name = command as Exclude<keyof typeof help, "main">;

  const parsed = parse(rest);
  const v = parsed.values;
  if (v.help) {
    io.out(help[name]);
    return exitCodes.ok;
  }
  const allowed: Record<typeof name, string[]> = {
    doctor: ["json"],
    pair: ["server", "force"],
    run: [],
    bench: ["disk-size-mb", "dir", "download-url", "no-gpu", "upload", "json"],
  };
  const stray = Object.keys(v).find((k) => k !== "help" && !allowed[name].includes(k));
  if (stray) throw new AgentError(`${name} has no --${stray} option (see idlegrid-agent ${name} --help)`, exitCodes.usage);
  const positionals = parsed.positionals;
  if (positionals.length > (name === "pair" ? 1 : 0))
    throw new AgentError(`unexpected argument ${positionals.at(-1)} (see idlegrid-agent ${name} --help)`, exitCodes.usage);

  const env = readAgentEnv(source);
  switch (name) {
    case "doctor":
      return doctor(env, { json: v.json === true }, io);
    case "pair": {
      const code = positionals[0];
      if (!code) throw new AgentError("pair needs the code shown in the app: idlegrid-agent pair <code>", exitCodes.usage);
      return pair(env, { code, server: v.server, force: v.force === true }, io);
    }
    case "run":
      return run(env, io);
    case "bench":
      return bench(
        env,
        {
          diskSizeMb: Number(v["disk-size-mb"] ?? 1024),
          dir: v.dir,
          downloadUrl: v["download-url"],
          gpu: v["no-gpu"] !== true,
          upload: v.upload === true,
          json: v.json === true,
        },
        io,
      );
  }
}

export async function cli(argv: string[], source: Record<string, string | undefined>, io: Io): Promise<number> {
  try {
    return await dispatch(argv, source, io);
  } catch (e) {
    if (e instanceof AgentError || e instanceof AgentEnvError) {
      io.err(`idlegrid-agent: ${e.message}`);
      return e instanceof AgentError ? e.exitCode : exitCodes.config;
    }
    // A bug or an unforeseen host condition: still one line, naming where it came from.
    const where = e instanceof Error ? (e.stack?.split("\n")[1]?.trim() ?? "") : "";
    io.err(`idlegrid-agent: unexpected error: ${e instanceof Error ? e.message : String(e)}${where ? ` (${where})` : ""}`);
    return exitCodes.failed;
  }
}
