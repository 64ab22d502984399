import { describe, expect, it } from "vitest";
import { demoAccount } from "@/lib/chain/dev-accounts";
import { demoAccounts } from "@/lib/chain/demo-roster";

describe("demo roster", () => {
  it("lists the addresses the anvil mnemonic derives", () => {
    for (const account of demoAccounts) expect(account.address, account.label).toBe(demoAccount(account.index).address);
  });
});
