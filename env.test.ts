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
      parseEnv(serverSchema, {
        DATABASE_URL: "mysql://nope",
        RPC_URL: "not a url",
        CHAIN_ID: "56",
        TOKEN_ADDRESS: "0x123",
        ADMIN_ADDRESSES: "0xabc",
      });
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

describe("hardening defaults (issue 15)", () => {
  it("waits for more confirmations on public chains: 12 on Ethereum and Sepolia, 5 on Base, 1 on anvil", () => {
    const confirmations = (CHAIN_ID: string, extra: Record<string, string> = {}) =>
      parseEnv(serverSchema, { ...valid, CHAIN_ID, ...extra }).INDEXER_CONFIRMATIONS;
    expect(confirmations("1")).toBe(12);
    expect(confirmations("11155111")).toBe(12);
    expect(confirmations("8453")).toBe(5);
    expect(confirmations("84532")).toBe(5);
    expect(confirmations("31337")).toBe(1);
    expect(confirmations("8453", { INDEXER_CONFIRMATIONS: "20" })).toBe(20);
  });

  it("requires APP_URL in production instead of silently using localhost", () => {
    expect(() => parseEnv(serverSchema, { ...valid, NODE_ENV: "production" })).toThrow(/APP_URL: is required in production/);
    expect(parseEnv(serverSchema, { ...valid, NODE_ENV: "production", APP_URL: "https://idlegrid.example.com" }).APP_URL).toBe(
      "https://idlegrid.example.com",
    );
    expect(parseEnv(serverSchema, { ...valid, NODE_ENV: "development" }).APP_URL).toBe("http://localhost:3000");
  });

  it("trusts no forwarding proxy unless TRUSTED_PROXY_HOPS says so", () => {
    expect(parseEnv(serverSchema, valid).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv(serverSchema, { ...valid, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv(serverSchema, { ...valid, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
