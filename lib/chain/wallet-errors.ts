/**
 * Wallet and contract errors in words a buyer understands. viem wraps the wallet's EIP-1193 error
 * (code 4001 = rejected, 4902 = unknown chain) and contract reverts in BaseError chains; we walk them.
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";

const revertReasons: Record<string, string> = {
  EscrowAlreadyExists: "This order is already paid: its escrow exists on chain.",
  InvalidStartDeadline: "The order's start deadline has passed. Create a new order.",
  ERC20InsufficientBalance: "Your token balance is too low for this payment.",
  ERC20InsufficientAllowance: "The escrow is not approved for the full amount yet.",
  EnforcedPause: "New escrows are paused right now. Try again later.",
  NotBuyer: "Only the buyer's wallet can do this. Switch to the account that made the order.",
  NotProvider: "Only the provider's wallet can do this. Switch to the provider account.",
  InvalidStatus: "The escrow is not in a state that allows this any more. Reload the page.",
  NothingToWithdraw: "There is nothing to withdraw.",
};

/** True when the person said no in the wallet (as opposed to the wallet not supporting the request). */
export function isUserRejection(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: number }).code;
  if (error instanceof BaseError) return Boolean(error.walk((e) => e instanceof UserRejectedRequestError || code(e) === 4001));
  return code(error) === 4001;
}

export function explainWalletError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (e: unknown) => (e as { code?: number }).code;
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError || code(e) === 4001)) return "You rejected the request in your wallet. Nothing was sent.";
    if (error.walk((e) => code(e) === 4902)) return "Your wallet does not know this network. Add it in the wallet, then try again.";
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName) {
      return revertReasons[revert.data.errorName] ?? `The contract refused: ${revert.data.errorName}.`;
    }
    if (/insufficient funds/i.test(error.message)) return "Your wallet has too little ETH to pay for gas.";
    return error.shortMessage;
  }
  if (code(error) === 4001) return "You rejected the request in your wallet. Nothing was sent.";
  return error.message.split("\n")[0] ?? "Something went wrong.";
}
