import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { explainWalletError } from "@/lib/chain/wallet-errors";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { de } from "@/lib/i18n/messages/de";
import { en } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";

const tDe = createTranslator(de.tx, "de");
const rejected = () => new BaseError("wrapped", { cause: new UserRejectedRequestError(new Error("User denied")) });
const reverted = (errorName: string) => {
  const abiItem = idlegridEscrowAbi.find((item) => item.type === "error" && item.name === errorName);
  const data = { abiItem, errorName, args: [] } as unknown as ConstructorParameters<typeof ContractFunctionRevertedError>[0]["data"];
  const revert = new ContractFunctionRevertedError({ abi: idlegridEscrowAbi, functionName: "withdraw", data: undefined });
  Object.assign(revert, { data });
  return new BaseError("call failed", { cause: revert });
};

describe("wallet errors in words", () => {
  it("explains a rejection, a known revert and an unknown revert in English by default", () => {
    expect(explainWalletError(rejected())).toBe("You rejected the request in your wallet. Nothing was sent.");
    expect(explainWalletError(reverted("NothingToWithdraw"))).toBe("There is nothing to withdraw.");
    expect(explainWalletError(reverted("SomethingNew"))).toBe("The contract refused: SomethingNew.");
    expect(explainWalletError(Object.assign(new Error("denied"), { code: 4001 }))).toBe(en.tx.rejected);
  });

  it("explains them in German with the German translator", () => {
    expect(explainWalletError(rejected(), tDe)).toBe("Sie haben die Anfrage in Ihrer Wallet abgelehnt. Es wurde nichts gesendet.");
    expect(explainWalletError(reverted("NothingToWithdraw"), tDe)).toBe("Es gibt nichts auszuzahlen.");
    expect(explainWalletError(reverted("SomethingNew"), tDe)).toBe("Der Vertrag hat abgelehnt: SomethingNew.");
  });

  it("has a German text for every revert reason of the escrow, differing from the English one", () => {
    const reasons = Object.keys(en.tx).filter((key) => key.startsWith("revert_")) as (keyof typeof en.tx)[];
    expect(reasons.length).toBeGreaterThan(5);
    for (const key of reasons) expect(de.tx[key], key).not.toBe(en.tx[key]);
  });
});
