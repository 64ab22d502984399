/** The translators the dashboard's server components are handed by their page. */
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";

export type DashboardT = Translator<Messages["dashboard"]>;
export type OrdersT = Translator<Messages["orders"]>;
export type Token = { decimals: number; symbol: string };
