/**
 * Command-line parsing and dispatch for `idlegrid`. Every failure leaves as one `idlegrid: …` line on
 * stderr and a non-zero exit code (errors.ts); --help works on every command.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Env } from "./config";
import { createContext, type Context } from "./context";
import { CliError, exitCodes, usage, type Io } from "./errors";
import { help } from "./help";
import { acceptOffer, jobListFlags, jobOffers, listJobs, postJob } from "./commands/jobs";
import { login, logout } from "./commands/login";
import { search, searchFlags, show } from "./commands/market";
import { orderAction, rent, status } from "./commands/orders";
import { pay } from "./commands/pay";

type Options = NonNullable<ParseArgsConfig["options"]>;
const flag = { type: "boolean" } as const;
const text = { type: "string" } as const;
const output = { json: flag, quiet: { type: "boolean", short: "q" } } as const;
const signer = { keystore: text, "rpc-url": text, print: flag } as const;

interface Command {
  options: Options;
  /** How many positional arguments, and what the first is called in the error when it is missing. */
  arg?: string;
  run(ctx: Context, v: Record<string, string | boolean | string[] | undefined>, arg: string): Promise<number>;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const bool = (v: unknown) => v === true;

const searchOptions: Options = Object.fromEntries(
  Object.keys(searchFlags).map((f) => [f, f === "gpu" ? { type: "string", multiple: true } : text]),
);
const jobListOptions: Options = Object.fromEntries(
  Object.keys(jobListFlags).map((f) => [f, f === "gpu" ? { type: "string", multiple: true } : text]),
);

const commands: Record<string, Command> = {
  login: { options: { server: text }, run: (ctx, v) => login(ctx, { server: str(v.server) }) },
  logout: { options: {}, run: (ctx) => logout(ctx) },
  search: {
    options: { ...searchOptions, online: flag, ...output },
    run: (ctx, v) =>
      search(ctx, { values: v as Record<string, string | string[]>, online: bool(v.online), json: bool(v.json), quiet: bool(v.quiet) }),
  },
  show: { options: { json: flag }, arg: "listing", run: (ctx, v, id) => show(ctx, id, { json: bool(v.json) }) },
  rent: {
    options: { hours: text, gpus: text, "ssh-key": text, ...output },
    arg: "listing",
    run: (ctx, v, id) =>
      rent(ctx, id, { hours: str(v.hours), gpus: str(v.gpus), sshKey: str(v["ssh-key"]), json: bool(v.json), quiet: bool(v.quiet) }),
  },
  pay: {
    options: signer,
    arg: "order",
    run: (ctx, v, id) => pay(ctx, id, { keystore: str(v.keystore), rpcUrl: str(v["rpc-url"]), print: bool(v.print) }),
  },
  status: {
    options: { watch: flag, until: text, interval: text, timeout: text, json: flag },
    arg: "order",
    run: (ctx, v, id) =>
      status(ctx, id, {
        watch: bool(v.watch),
        until: str(v.until),
        interval: str(v.interval),
        timeout: str(v.timeout),
        json: bool(v.json),
      }),
  },
  stop: { options: { ...signer, json: flag }, arg: "order", run: (ctx, v, id) => orderAction(ctx, id, "stop", {}, signerFlags(v)) },
  extend: {
    options: { hours: text, ...signer, json: flag },
    arg: "order",
    run: (ctx, v, id) => {
      const hours = str(v.hours);
      if (!hours || !/^\d+$/.test(hours)) throw usage("extend needs --hours N (a whole number)");
      return orderAction(ctx, id, "extend", { hours: Number(hours) }, signerFlags(v));
    },
  },
  "jobs list": {
    options: { ...jobListOptions, ...output },
    run: (ctx, v) => listJobs(ctx, v as Record<string, string | string[]>, { json: bool(v.json), quiet: bool(v.quiet) }),
  },
  "jobs post": {
    options: { publish: flag, ...output },
    arg: "file",
    run: (ctx, v, file) => postJob(ctx, file, { publish: bool(v.publish), json: bool(v.json), quiet: bool(v.quiet) }),
  },
  "jobs offers": {
    options: { ...output },
    arg: "job",
    run: (ctx, v, id) => jobOffers(ctx, id, { json: bool(v.json), quiet: bool(v.quiet) }),
  },
  "jobs accept": {
    options: { ...output },
    arg: "offer",
    run: (ctx, v, id) => acceptOffer(ctx, id, { json: bool(v.json), quiet: bool(v.quiet) }),
  },
};

function signerFlags(v: Record<string, unknown>) {
  return { keystore: str(v.keystore), rpcUrl: str(v["rpc-url"]), print: bool(v.print), json: bool(v.json) };
}

function parse(name: string, options: Options, args: string[]) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    // node's messages run on with advice about "--"; the first sentence is the useful one.
    throw usage(`${(e as Error).message.split(/\.\s/)[0]} (see idlegrid ${name} --help)`);
  }
}

async function dispatch(argv: string[], ctx: Context): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    ctx.io.out(help.main);
    return first === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const isJobs = first === "jobs";
  if (isJobs && (second === undefined || second === "--help" || second === "-h")) {
    ctx.io.out(help.jobs);
    return second === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const name = isJobs ? `jobs ${second}` : first;
  const command = commands[name];
  if (!command) throw usage(`unknown command ${name} (see idlegrid --help)`);
  const { values, positionals } = parse(
    name,
    command.options,
    isJobs ? rest : [second, ...rest].filter((a): a is string => a !== undefined),
  );
  if (values.help) {
    ctx.io.out(help[name as keyof typeof help]);
    return exitCodes.ok;
  }
  const wanted = command.arg ? 1 : 0;
  if (positionals.length < wanted) throw usage(`${name} needs <${command.arg}> (see idlegrid ${name} --help)`);
  if (positionals.length > wanted) throw usage(`unexpected argument ${positionals.at(-1)} (see idlegrid ${name} --help)`);
  return command.run(ctx, values, positionals[0] ?? "");
}

export async function cli(argv: string[], env: Env, io: Io, fetchImpl?: typeof fetch): Promise<number> {
  try {
    return await dispatch(argv, createContext(env, io, fetchImpl));
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`idlegrid: ${e.message}`);
      return e.exitCode;
    }
    // A bug or an unforeseen condition: still one line, naming where it came from.
    const where = e instanceof Error ? (e.stack?.split("\n")[1]?.trim() ?? "") : "";
    io.err(`idlegrid: unexpected error: ${e instanceof Error ? e.message : String(e)}${where ? ` (${where})` : ""}`);
    return exitCodes.failed;
  }
}
