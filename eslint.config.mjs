import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The dependency rule (docs/architecture.md): app/ -> components/ -> lib/<domain>/ -> lib/core/.
 * Domains are layered; a domain imports only the layers below it, never its peers or those above.
 */
const domainLayers = [
  ["lib/chain"],
  // API keys sit under auth: the caller check (lib/auth) resolves a bearer key through them.
  ["lib/apikeys"],
  ["lib/auth", "lib/account"],
  ["lib/notifications", "lib/webhooks"],
  ["lib/listings"],
  ["lib/machines"],
  ["lib/orders"],
  ["lib/jobs"],
  ["lib/dashboards", "lib/health", "lib/indexer", "lib/admin"],
];

const domainZones = domainLayers.flatMap((layer, i) =>
  layer.map((target) => ({
    target: `./${target}`,
    from: domainLayers
      .slice(i)
      .flat()
      .filter((d) => d !== target)
      .map((d) => `./${d}`),
    message: `${target} sits below these domains (see docs/architecture.md); move the shared part down or let a higher layer join them.`,
  })),
);

const boundaryZones = [
  {
    target: ["./lib", "./components", "./dev", "./agent"],
    from: "./app",
    message: "Nothing imports app/: move what both need into components/ or lib/.",
  },
  { target: ["./lib", "./agent"], from: "./components", message: "lib/ never imports components/." },
  { target: "./lib/core", from: "./lib", except: ["./core", "./i18n", "./generated"], message: "lib/core/ is the bottom layer." },
  // Two exceptions, both inert off the local chain: the dev wallet (offered only on chain 31337) and the
  // faucet route behind it (it answers 404 unless the token is the project's own test token).
  {
    target: ["./app", "./components", "./lib"],
    from: "./dev",
    except: ["./dev-wallet.ts", "./demo-roster.ts", "./faucet.ts"],
    message: "dev/ is for npm run dev and tests, never production code.",
  },
  {
    target: "./agent",
    from: ["./lib", "./dev"],
    except: ["./listings/gpu-catalog.ts", "./core/private-file.ts"],
    message: "The agent talks to the app over HTTP only.",
  },
  // The idlegrid CLI parses answers with the domains' pure schemas, but reaches the app over HTTP only.
  {
    target: "./cli",
    from: ["./app/**", "./components/**", "./dev/**", "./lib/*/server/**", "./lib/i18n/server.*"],
    message: "The CLI talks to the app over HTTP only: import pure schemas, never server code.",
  },
  ...domainZones,
];

/** A client component must never pull server code (a domain's server/ part or anything marked server-only). */
const noServerInClient = {
  meta: { type: "problem", schema: [] },
  create(context) {
    let client = false;
    return {
      Program(node) {
        client = node.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration(node) {
        const source = String(node.source.value);
        if (client && node.importKind !== "type" && (source === "server-only" || /(^|\/)server(\/|$)/.test(source))) {
          context.report({ node, message: `A client component imports server code (${source}).` });
        }
      },
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "lib/chain/generated/**",
      "contracts/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["app/**", "components/**", "lib/**", "dev/**", "agent/**", "cli/**"],
    // Tests drive routes and domains end to end, so they may reach across the layers.
    ignores: ["**/*.test.ts", "**/*.test.tsx", "dev/dev-wallet.ts"],
    plugins: { idlegrid: { rules: { "no-server-in-client": noServerInClient } } },
    rules: {
      "import/no-restricted-paths": ["error", { zones: boundaryZones }],
      "idlegrid/no-server-in-client": "error",
    },
  },
];

export default config;
