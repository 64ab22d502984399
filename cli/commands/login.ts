/** `login` and `logout`: save or forget the server and the API key. */
import { z } from "zod";
import { isWellFormedApiKey } from "@/lib/apikeys/schema";
import { webhookEndpointListSchema } from "@/lib/webhooks/schema";
import { Api, HttpError } from "../api";
import { configDir, readConfig, removeConfig, writeConfig } from "../config";
import type { Context } from "../context";
import { usage } from "../errors";

export const DEFAULT_SERVER = "http://localhost:3000";

export async function login(ctx: Context, options: { server?: string }): Promise<number> {
  const dir = configDir(ctx.env);
  const saved = await readConfig(dir).catch(() => null);
  const server = (options.server ?? ctx.env.IDLEGRID_SERVER ?? saved?.server ?? DEFAULT_SERVER).replace(/\/+$/, "");
  if (!z.url({ protocol: /^https?$/ }).safeParse(server).success) throw usage(`--server must be an http(s) URL, not ${server}`);
  // From the environment or stdin, never a flag: a flag would land in the shell history and `ps`.
  const apiKey = (ctx.env.IDLEGRID_API_KEY || (await ctx.io.readStdin()).split("\n")[0] || "").trim();
  if (!apiKey) throw usage("login reads the API key from IDLEGRID_API_KEY or the first line of stdin");
  if (!isWellFormedApiKey(apiKey)) throw usage("that is not an Idlegrid API key (igk_…); copy it from Account, API keys");
  // Any authenticated GET proves the key: 200, or 403 for a key without the read scope.
  const api = new Api({ server, apiKey, fetch: ctx.fetch });
  try {
    await api.get("/api/v1/me/webhooks", webhookEndpointListSchema);
  } catch (e) {
    if (!(e instanceof HttpError && e.code === "insufficient_scope")) throw e;
  }
  const file = await writeConfig(dir, { server, apiKey, savedAt: new Date().toISOString() });
  ctx.io.err(`logged in to ${server}; the key is saved in ${file}`);
  return 0;
}

export async function logout(ctx: Context): Promise<number> {
  const removed = await removeConfig(configDir(ctx.env));
  ctx.io.err(removed ? "logged out; the saved key is gone (revoke it on the Account page if it leaked)" : "not logged in");
  return 0;
}
