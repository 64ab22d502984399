/**
 * Wallet and contract errors in words a buyer understands. viem wraps the wallet's EIP-1193 error
 * (code 4001 = rejected, 4902 = unknown chain) and contract reverts in BaseError chains; we walk them.
 * The words come from the tx messages (English unless the caller passes the page's translator).
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { txEn, type TxMessages } from "@/lib/i18n/messages/tx-en";
import { createTranslator, type Translator } from "@/lib/i18n/translate";

const english = createTranslator(txEn, "en");

function revertReason(t: Translator<TxMessages>, errorName: string): string {
  const key = `revert_${errorName}`;
  return key in txEn ? t(key as keyof TxMessages) : t("contractRefused", { name: errorName });
}

/** True when the person said no in the wallet (as opposed to the wallet not supporting the request). */
export function isUserRejection(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: number }).code;
  if (error instanceof BaseError) return Boolean(error.walk((e) => e instanceof UserRejectedRequestError || code(e) === 4001));
  return code(error) === 4001;
}

export function explainWalletError(error: unknown, t: Translator<TxMessages> = english): string {
  if (!(error instanceof Error)) return String(error);
  const code = (e: unknown) => (e as { code?: number }).code;
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError || code(e) === 4001)) return t("rejected");
    if (error.walk((e) => code(e) === 4902)) return t("unknownChain");
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName) return revertReason(t, revert.data.errorName);
    if (/insufficient funds/i.test(error.message)) return t("noGas");
    // viem's own short message: English only, but it names what the wallet or node said.
    return error.shortMessage;
  }
  if (code(error) === 4001) return t("rejected");
  return error.message.split("\n")[0] || t("somethingWrong");
}
