import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";
import { interpolate } from "./translate";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["de", "de"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["de-AT", "de"],
    ["en-US,en;q=0.9,de;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,de;q=0.7,en;q=0.5", "de"],
    ["fr,es", "en"],
    ["en;q=0.3,de;q=0.8", "de"],
    ["de;q=0,en", "en"],
    ["*", "en"],
    ["garbage;;;q=x", "en"],
  ])("%j -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("prefers a valid cookie over the browser's languages", () => {
    expect(resolveLocale("en", "de-DE")).toBe("en");
    expect(resolveLocale("de", "en-US")).toBe("de");
  });

  it("ignores a cookie naming an unsupported locale", () => {
    expect(resolveLocale("fr", "de-DE")).toBe("de");
    expect(resolveLocale("<script>", null)).toBe("en");
  });
});

describe("interpolate", () => {
  it("fills placeholders and formats numbers for the locale", () => {
    expect(interpolate("{count} listings in {city}", "de", { count: 12_345, city: "Berlin" })).toBe("12.345 listings in Berlin");
    expect(interpolate("{count} listings", "en", { count: 12_345 })).toBe("12,345 listings");
    expect(interpolate("{missing} stays", "en", {})).toBe("{missing} stays");
  });
});
