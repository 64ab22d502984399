import { describe, expect, it } from "vitest";
import { endpointUrlProblem, isPublicAddress } from "@/lib/webhooks/address-policy";

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast and IPv4 hidden in IPv6", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
      "2002:a00:1::1",
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it("accepts public addresses and refuses what is not an address", () => {
    for (const ip of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) expect(isPublicAddress(ip), ip).toBe(true);
    expect(isPublicAddress("example.com")).toBe(false);
  });
});

describe("endpointUrlProblem", () => {
  const problem = (url: string, production: boolean) => endpointUrlProblem(new URL(url), production);

  it("allows plain http only for a receiver on this machine outside production", () => {
    expect(problem("http://localhost:8787/hooks", false)).toBeNull();
    expect(problem("http://127.0.0.1:8787/hooks", false)).toBeNull();
    expect(problem("http://example.com/hooks", false)).toContain("https");
    expect(problem("http://localhost:8787/hooks", true)).toContain("https");
    expect(problem("https://10.0.0.5/hooks", false)).toBeNull();
  });

  it("in production refuses local names and non-public IP literals, however they are written", () => {
    expect(problem("https://hooks.example.com/idlegrid", true)).toBeNull();
    expect(problem("https://localhost/hooks", true)).toContain("localhost");
    expect(problem("https://app.localhost/hooks", true)).toContain("localhost");
    expect(problem("https://10.0.0.5/hooks", true)).toContain("private");
    expect(problem("https://[::ffff:127.0.0.1]/hooks", true)).toContain("private");
    expect(problem("https://169.254.169.254/latest/meta-data", true)).toContain("private");
  });

  it("refuses credentials and fragments in the URL anywhere", () => {
    expect(problem("https://u:p@example.com/", false)).toContain("password");
    expect(problem("https://example.com/#x", false)).toContain("fragment");
    expect(problem("ftp://example.com/", false)).toContain("https");
  });
});
