/**
 * The app's route handlers behind a real HTTP server, for tests of clients that speak HTTP (the
 * idlegrid CLI): every app/api/v1 route.ts is mounted at its path, the way Next's router would,
 * without building Next. What runs is the real handler, database and chain; only the routing
 * layer is this file. Bodies and headers pass through untouched, so API keys, Origin checks and
 * error shapes are exactly what a deployment answers.
 */
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route {
  pattern: RegExp;
  names: string[];
  statics: number;
  file: string;
}

const root = path.resolve(import.meta.dirname, "..");

function discover(dir: string, found: Route[] = []): Route[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) discover(full, found);
    else if (entry.name === "route.ts") {
      const segments = path.relative(path.join(root, "app"), dir).split(path.sep);
      const names: string[] = [];
      const source = segments
        .map((s) => {
          const param = /^\[(\w+)\]$/.exec(s)?.[1];
          if (!param) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param);
          return "([^/]+)";
        })
        .join("/");
      found.push({ pattern: new RegExp(`^/${source}$`), names, statics: segments.length - names.length, file: full });
    }
  }
  return found;
}

// A static segment wins over a dynamic one at the same place, as in Next (…/offers before …/[action]).
const routes = discover(path.join(root, "app", "api", "v1")).sort((a, b) => b.statics - a.statics);

/** Answers `request` with the matching route handler, or 404/405 as Next would. */
export async function routeRequest(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
    const handler = handlers[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? "")]));
    return handler(request, { params: Promise.resolve(params) });
  }
  return Response.json({ error: "not_found", message: `No route ${pathname}.` }, { status: 404 });
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
  const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(`${origin}${req.url}`, { method: req.method, headers, body });
}

async function answer(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the routes on 127.0.0.1. Requests are rebuilt on `origin` (the app's APP_URL in tests), the URL
 * a deployment's handlers see behind their proxy.
 */
export async function startRouteServer(origin: string): Promise<RouteServer> {
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(routeRequest)
      .then((response) => answer(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(error instanceof Error ? error.message : String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
