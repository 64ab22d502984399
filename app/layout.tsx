import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { ChainDownNotice } from "@/components/layout/chain-down-notice";
import { ChainConfigProvider } from "@/components/providers/chain-config";
import { getThemePreference } from "@/components/theme/server";
import { themeAttribute } from "@/components/theme/theme-preference";
import { WalletSlot } from "@/components/wallet/wallet-slot";
import { Toaster } from "@/components/toast/toaster";
import { TxMessagesProvider } from "@/components/toast/tx-messages";
import { env } from "@/env";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { siteMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { chainClientConfig } from "@/lib/chain/server/client-config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata(env.APP_URL);
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Locale and theme come from cookies read here, so the first paint has the right language and colours.
  const [chainConfig, locale, theme, walletMessages, txMessages, caller] = await Promise.all([
    chainClientConfig(),
    getLocale(),
    getThemePreference(),
    getMessages("wallet"),
    getMessages("tx"),
    currentCaller(),
  ]);
  // The header shows a signed-in visitor's account from the first paint, not after the wallet reconnects.
  const session = caller && { address: caller.address, roles: caller.roles, isAdmin: caller.isAdmin };
  return (
    <html lang={locale} data-theme={themeAttribute(theme)}>
      <body className="min-h-screen">
        {/* No wallet provider here: wallet code loads after hydration (components/providers/web3-provider.tsx). */}
        <ChainConfigProvider config={chainConfig}>
          {/* Transaction words (toasts, wallet steps and errors) for any wallet leaf on any page. */}
          <TxMessagesProvider messages={txMessages} locale={locale}>
            <SiteHeader walletSlot={<WalletSlot messages={walletMessages} locale={locale} session={session} />} />
            <main className="mx-auto max-w-6xl px-4 py-8">
              {chainConfig.chainDown && <ChainDownNotice />}
              {children}
            </main>
            <Toaster explorerUrl={chainConfig.explorerUrl} />
          </TxMessagesProvider>
        </ChainConfigProvider>
      </body>
    </html>
  );
}
