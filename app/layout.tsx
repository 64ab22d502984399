import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { Web3Provider } from "@/components/providers/web3-provider";
import { WalletButton } from "@/components/wallet/wallet-button";
import { chainClientConfig } from "@/lib/server/client-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Idlegrid — rent idle GPUs, pay in stablecoin", template: "%s · Idlegrid" },
  description: "A marketplace for idle GPU capacity: providers list machines, ML engineers rent them or post training jobs, payments settle through an on-chain escrow.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const chainConfig = chainClientConfig();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Web3Provider config={chainConfig}>
          <SiteHeader walletSlot={<WalletButton config={chainConfig} />} />
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        </Web3Provider>
      </body>
    </html>
  );
}
