import { describe, expect, it } from "vitest";
import { parseEnv, serverSchema } from "@/env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/idlegrid",
  RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "31337",
  TOKEN_ADDRESS: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
};

describe("environment validation", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(serverSchema, { ...valid, ADMIN_ADDRESSES: " 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 , " });
    expect(env.CHAIN_ID).toBe(31337);
    expect(env.ADMIN_ADDRESSES).toEqual(["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("names every bad variable with its reason", () => {
    const attempt = () =>
      parseEnv(serverSchema, { DATABASE_URL: "mysql://nope", RPC_URL: "not a url", CHAIN_ID: "56", TOKEN_ADDRESS: "0x123", ADMIN_ADDRESSES: "0xabc" });
    expect(attempt).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(attempt).toThrow(/RPC_URL:/);
    expect(attempt).toThrow(/CHAIN_ID: must be one of 31337, 8453/);
    expect(attempt).toThrow(/TOKEN_ADDRESS: must be a 0x-prefixed 20-byte hex address/);
    expect(attempt).toThrow(/ADMIN_ADDRESSES\.0: must be a 0x-prefixed/);
  });

  it("treats empty strings as unset", () => {
    expect(() => parseEnv(serverSchema, { ...valid, DATABASE_URL: "" })).toThrow(/DATABASE_URL: is required/);
  });
});
