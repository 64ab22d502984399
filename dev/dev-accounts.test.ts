import { describe, expect, it } from "vitest";
import { demoAccount } from "@/dev/dev-accounts";
import { demoAccounts } from "@/dev/demo-roster";

describe("demo roster", () => {
  it("lists the addresses the anvil mnemonic derives", () => {
    for (const account of demoAccounts) expect(account.address, account.label).toBe(demoAccount(account.index).address);
  });
});
