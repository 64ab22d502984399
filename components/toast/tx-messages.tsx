"use client";
/**
 * The transaction words (lib/i18n/messages/tx-*.ts) for every wallet leaf below the root layout:
 * any page's leaf may send a transaction and raise its toasts, so the layout provides this one small
 * namespace once instead of each page threading it through props. Without a provider it is English.
 */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { txEn, type TxMessages } from "@/lib/i18n/messages/tx-en";
import { createTranslator, type Translator } from "@/lib/i18n/translate";

const TxMessagesContext = createContext<{ messages: TxMessages; locale: Locale }>({ messages: txEn, locale: "en" });

export function TxMessagesProvider({ messages, locale, children }: { messages: TxMessages; locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ messages, locale }), [messages, locale]);
  return <TxMessagesContext value={value}>{children}</TxMessagesContext>;
}

export function useTxTranslator(): Translator<TxMessages> {
  const { messages, locale } = useContext(TxMessagesContext);
  return useMemo(() => createTranslator(messages, locale), [messages, locale]);
}

/** The page's language, as the root layout rendered it: for a wallet leaf's other words (lib/i18n/api-errors.ts). */
export function useTxLocale(): Locale {
  return useContext(TxMessagesContext).locale;
}
