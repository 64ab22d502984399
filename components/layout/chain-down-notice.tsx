import { Alert } from "@/components/ui/alert";
import { getTranslations } from "@/lib/i18n/server";

/**
 * Shown above every page while the token does not answer (no contract at TOKEN_ADDRESS, or the RPC is
 * down): the page still renders, with amounts in base units, and wallet actions wait for the chain.
 */
export async function ChainDownNotice() {
  const t = await getTranslations("chainStatus");
  return (
    <Alert tone="warning" className="mb-6" data-testid="chain-down-notice">
      {t("down")}
    </Alert>
  );
}
