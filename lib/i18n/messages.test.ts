import { describe, expect, it } from "vitest";
import { de } from "./messages/de";
import { en } from "./messages/en";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("German messages", () => {
  const pairs = Object.entries(en).flatMap(([namespace, messages]) =>
    Object.entries(messages as Record<string, string>).map(([key, english]) => ({
      id: `${namespace}.${key}`,
      english,
      german: (de as unknown as Record<string, Record<string, string>>)[namespace]?.[key],
    })),
  );

  it("covers every English key with a non-empty text", () => {
    expect(pairs.length).toBeGreaterThan(100);
    expect(pairs.filter((p) => !p.german?.trim()).map((p) => p.id)).toEqual([]);
  });

  it("uses exactly the placeholders of the English text", () => {
    const mismatched = pairs.filter((p) => placeholders(p.english).join() !== placeholders(p.german ?? "").join()).map((p) => p.id);
    expect(mismatched).toEqual([]);
  });
});
