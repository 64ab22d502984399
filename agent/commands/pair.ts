/**
 * `pair <code>`: trades the one-time code shown in the app for a machine-scoped credential, and
 * stores it. The code is the only proof of ownership, so this request carries no Authorization.
 */
import { readConfig, writeConfig } from "../config";
import { detectHardware } from "../detect/hardware";
import type { AgentEnv } from "../env";
import { AgentError, exitCodes, type Io } from "../errors";
import { apiUrl, postJson } from "../http";
import { agentApi, type PairRequest, pairingCodeField, pairResponseSchema } from "../protocol";
import { formatProblem } from "./doctor";

/** The Next dev server; real installs pass the URL the app shows next to the code. */
export const defaultServerUrl = "http://localhost:3000";

export function resolveServer(flag: string | undefined, env: Pick<AgentEnv, "serverUrl">): string {
  const server = flag ?? env.serverUrl ?? defaultServerUrl;
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AgentError(`--server ${server} is not a URL`, exitCodes.usage);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AgentError(`--server must be http(s), got ${url.protocol}`, exitCodes.usage);
  return server.replace(/\/+$/, "");
}

export async function pair(env: AgentEnv, options: { code: string; server: string | undefined; force: boolean }, io: Io): Promise<number> {
  const code = pairingCodeField.safeParse(options.code);
  if (!code.success) throw new AgentError(`invalid pairing code: ${code.error.issues[0]?.message ?? "malformed"}`, exitCodes.usage);
  const server = resolveServer(options.server, env);

  const existing = await readConfig(env.home);
  if (existing && !options.force) {
    throw new AgentError(
      `already paired as machine ${existing.machineId} with ${existing.server}; pass --force to replace that pairing`,
      exitCodes.usage,
    );
  }

  const { hardware, problems } = await detectHardware(env);
  const invalid = problems.find((p) => p.code === "report:invalid");
  if (invalid) throw new AgentError(invalid.message);
  // Pairing still goes ahead: the server decides what it accepts, and the provider sees what to fix.
  for (const p of problems) io.err(formatProblem(p));

  const body: PairRequest = { code: code.data, hostname: hardware.hostname, hardware };
  const out = await postJson(apiUrl(server, agentApi.pair), body, { timeoutMs: 30_000 });
  switch (out.kind) {
    case "retry":
      throw new AgentError(`cannot reach ${server}: ${out.reason}`);
    case "auth":
    case "rejected":
      throw new AgentError(`pairing refused by ${server}: ${out.message}`);
  }
  const answer = pairResponseSchema.safeParse(out.body);
  if (!answer.success)
    throw new AgentError(`unexpected pairing answer from ${server} (HTTP ${out.status}): expected machineId, listingId and credential`);

  const file = await writeConfig(env.home, { server, ...answer.data, pairedAt: new Date().toISOString() });
  io.out(`Paired as machine ${answer.data.machineId} (listing ${answer.data.listingId}).`);
  io.out(`Credential stored in ${file} (mode 0600).`);
  io.out("Next: idlegrid-agent run   (or: systemctl enable --now idlegrid-agent)");
  return exitCodes.ok;
}
