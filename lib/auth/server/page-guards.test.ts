/**
 * The post-sign-in destination (/sign-in?next=...) is a same-origin path or "/": no open redirect through
 * protocol-relative URLs, backslashes, the tabs and newlines browsers drop, or encoded forms of any of them.
 */
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/server/page-guards";

describe("safeNextPath", () => {
  it.each([
    "/",
    "/orders",
    "/orders/ckx1abc?tab=events",
    "/marketplace?gpu=H100-SXM&sort=value#top",
    "/jobs/abc/offers",
    "/search?q=a%20b",
  ])("keeps %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash twice", "\\\\evil.example"],
    ["tab (the reported bypass)", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["leading space", " /evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["scheme-relative with userinfo", "//user@evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["no leading slash", "evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline", "/%0a/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slash after slash", "/%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["double-encoded slash", "/%252Fevil.example"],
    ["double-encoded tab", "/%2509/evil.example"],
    ["malformed escape", "/%E0%A4%A"],
    ["empty", ""],
  ])("refuses %s", (_label, path) => {
    expect(safeNextPath(path)).toBe("/");
  });

  it("refuses null, undefined and absurd lengths", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});
