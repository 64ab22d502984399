/**
 * The dependency rule is enforced by lint (eslint.config.mjs); these cases prove the rule fires, so a
 * config change that silently turns it off fails here rather than letting the layers blur.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(code, { filePath: path.join(root, file) });
  return results
    .flatMap((r) => r.messages)
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "idlegrid/no-server-in-client")
    .map((m) => m.message);
}

describe("the dependency rule", () => {
  it("fails when components/ import app/", async () => {
    expect(await problems("components/probe.tsx", `import { saveJob } from "@/app/jobs/actions";\nexport const x = saveJob;\n`)).toEqual([
      expect.stringContaining("Nothing imports app/"),
    ]);
  });

  it("fails when a client component imports a domain's server/ part", async () => {
    const code = `"use client";\nimport { loadOrder } from "@/lib/orders/server/view";\nexport const x = loadOrder;\n`;
    expect(await problems("components/orders/probe.tsx", code)).toEqual([expect.stringContaining("client component imports server code")]);
  });

  it("lets a client component import types from server code, which are erased", async () => {
    const code = `"use client";\nimport type { Caller } from "@/lib/auth/server/caller";\nexport type X = Caller;\n`;
    expect(await problems("components/orders/probe.tsx", code)).toEqual([]);
  });

  it("fails when a lower domain imports a higher one, and allows the other direction", async () => {
    const up = `import { loadOrder } from "@/lib/orders/server/view";\nexport const x = loadOrder;\n`;
    expect(await problems("lib/listings/server/probe.ts", up)).toEqual([expect.stringContaining("lib/listings sits below")]);
    const down = `import { listingIdPattern } from "@/lib/listings/server/queries";\nexport const x = listingIdPattern;\n`;
    expect(await problems("lib/orders/server/probe.ts", down)).toEqual([]);
  });

  it("fails when orders import jobs (the indexer joins them)", async () => {
    const code = `import { syncJobWithOrder } from "@/lib/jobs/server/settlement";\nexport const x = syncJobWithOrder;\n`;
    expect(await problems("lib/orders/server/probe.ts", code)).toEqual([expect.stringContaining("lib/orders sits below")]);
  });

  it("keeps the idlegrid CLI on HTTP: pure schemas yes, server code or app/ no", async () => {
    const server = `import { loadOrder } from "@/lib/orders/server/view";\nexport const x = loadOrder;\n`;
    expect(await problems("cli/commands/probe.ts", server)).toEqual([expect.stringContaining("The CLI talks to the app over HTTP only")]);
    const app = `import { GET } from "@/app/api/v1/orders/[id]/route";\nexport const x = GET;\n`;
    expect(await problems("cli/probe.ts", app)).toEqual([expect.stringContaining("The CLI talks to the app over HTTP only")]);
    const pure = `import { orderSchema } from "@/lib/orders/order-dto";\nexport const x = orderSchema;\n`;
    expect(await problems("cli/commands/probe.ts", pure)).toEqual([]);
  });

  it("keeps dev/ out of production code", async () => {
    const code = `import { seedDemoData } from "@/dev/demo-seed";\nexport const x = seedDemoData;\n`;
    expect(await problems("app/probe/page.tsx", code)).toEqual([expect.stringContaining("dev/ is for npm run dev")]);
  });
});
