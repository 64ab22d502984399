/**
 * The chain is down, the pages are not. With TOKEN_ADDRESS pointing at an address without code (viem:
 * "Cannot decode zero data"), /jobs used to answer 500. Now the token's stand-in keeps amounts exact in
 * base units, the root layout shows a notice, wallet actions are told the chain is down, the contracts
 * API answers 503 and /api/health names the token. next/headers is stubbed: a page is called like Next
 * calls it, outside a real request.
 */
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ "accept-language": "de" }),
}));

const NO_CODE = "0x000000000000000000000000000000000000dEaD";

/** Every element in a rendered tree (not descending into async components, which Next renders itself). */
function elements(node: ReactNode, out: ReactElement[] = []): ReactElement[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (isValidElement(node)) {
    out.push(node);
    elements((node.props as { children?: ReactNode }).children, out);
  }
  return out;
}

describe("pages with the token answering nothing", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv("TOKEN_ADDRESS", NO_CODE);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("tokenInfo degrades to exact base units instead of throwing", async () => {
    const { tokenInfo, TOKEN_UNAVAILABLE } = await import("@/lib/chain/server/token-info");
    expect(await tokenInfo()).toEqual(TOKEN_UNAVAILABLE);
    expect(TOKEN_UNAVAILABLE).toMatchObject({ decimals: 0, available: false });
  });

  it("/jobs renders, and the root layout shows the notice and tells wallet actions the chain is down", async () => {
    const { default: JobsBoardPage } = await import("@/app/jobs/page");
    const page = await JobsBoardPage({ searchParams: Promise.resolve({}) });
    expect(isValidElement(page)).toBe(true);

    const { default: RootLayout } = await import("@/app/layout");
    const { ChainDownNotice } = await import("@/components/layout/chain-down-notice");
    const { ChainConfigProvider } = await import("@/components/providers/chain-config");
    const tree = elements(await RootLayout({ children: page }));
    expect(tree.some((e) => e.type === ChainDownNotice)).toBe(true);
    const provider = tree.find((e) => e.type === ChainConfigProvider);
    expect((provider?.props as { config: { chainDown?: boolean } }).config.chainDown).toBe(true);
    // The notice itself, in the visitor's language.
    const notice = elements(await ChainDownNotice());
    expect(JSON.stringify(notice[0]?.props)).toContain("Die Blockchain ist gerade nicht erreichbar");
  });

  it("the contracts API answers 503 instead of made-up decimals, and /api/health names the token", async () => {
    const { GET } = await import("@/app/api/v1/contracts/route");
    const res = await GET(new Request("http://localhost:3000/api/v1/contracts"), undefined);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: "chain_unavailable" });
    const health = await (await import("@/app/api/health/route")).GET();
    expect(health.status).toBe(503);
    expect((await health.json()).token).toEqual({ ok: false, error: `no contract at ${NO_CODE}` });
  });
});

describe("pages with the token answering", () => {
  beforeEach(() => vi.resetModules());

  it("show no notice", async () => {
    const { default: RootLayout } = await import("@/app/layout");
    const { ChainDownNotice } = await import("@/components/layout/chain-down-notice");
    const tree = elements(await RootLayout({ children: null }));
    expect(tree.some((e) => e.type === ChainDownNotice)).toBe(false);
  });
});
