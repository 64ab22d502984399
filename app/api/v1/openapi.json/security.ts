/**
 * Who may call each operation, in the OpenAPI document: the session cookie, or an API key with the
 * scope the one table the caller check enforces (lib/apikeys/scopes.ts) names, so the documented
 * security cannot drift from the enforced one.
 */
import { requiredScope } from "@/lib/apikeys/scopes";

export const securitySchemes = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: "idlegrid_session",
    description:
      "The session cookie Sign-In with Ethereum sets (POST /api/auth/verify), named __Host-idlegrid_session when the app is served over https in production; writes with it also need an Origin header of this site",
  },
  apiKey: {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from Account, API keys (igk_…): the requirement lists the scope the operation needs. Requests with a key and no cookie need no Origin",
  },
};

type Operation = { security?: unknown; responses?: Record<string, unknown> };

/**
 * Gives each operation its security unless it names its own (the agent's credential, the faucet):
 * the session, or an API key with the scope requiredScope gives the method and path. An operation
 * without a 401 answer works anonymously too, which `{}` says.
 */
export function withSecurity<P extends Record<string, Record<string, unknown>>>(paths: P): P {
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, value] of Object.entries(item)) {
      const op = value as Operation;
      if (op.security !== undefined) continue;
      const scope = requiredScope(method, path);
      const schemes = [{ session: [] }, ...(scope ? [{ apiKey: [scope] }] : [])];
      if (op.responses && "401" in op.responses) op.security = schemes;
      else op.security = scope ? [{}, ...schemes] : [];
    }
  }
  return paths;
}
