"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ChainClientConfig } from "@/lib/chain/client-config";

/**
 * The chain settings the server hands to the browser (chain id, browser RPC, token). The root layout
 * provides them to every page; this costs no wallet code, so wallet islands anywhere below can build
 * the shared wagmi config without each page passing the settings down.
 */
const ChainConfigContext = createContext<ChainClientConfig | null>(null);

export function ChainConfigProvider({ config, children }: { config: ChainClientConfig; children: ReactNode }) {
  return <ChainConfigContext value={config}>{children}</ChainConfigContext>;
}

export function useChainClientConfig(): ChainClientConfig {
  const config = useContext(ChainConfigContext);
  if (!config) throw new Error("useChainClientConfig needs the root layout's <ChainConfigProvider>");
  return config;
}
