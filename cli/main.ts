/**
 * Entry point: `npx idlegrid <command>` (package.json bin, cli/bin/idlegrid.mjs) or `npx tsx cli/main.ts`.
 * process.exit because an idle keep-alive socket must not hold a finished command open.
 */
import { cli } from "./cli";

async function readStdin(): Promise<string> {
  // An interactive terminal would wait for a line nobody is told to type: login says what it needs instead.
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const code = await cli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin,
});
process.exit(code);
