/**
 * Entry point: `npx tsx agent/main.ts <command>`, or the `idlegrid-agent` bin (agent/bin/). Reads
 * the environment once, runs the command, and exits with its code; process.exit because an idle
 * keep-alive socket must not hold a finished `pair` or `bench` open.
 */
import { cli } from "./cli";

const code = await cli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exit(code);
