import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./config";

describe("negotiateLocale", () => {
  it.each([
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,es;q=0.5", "es"],
    ["en;q=0.2, es;q=0.9", "es"],
    ["es;q=0", "en"],
    ["de", "en"],
    ["", "en"],
    [null, "en"],
    ["*;q=0.1,,;;q=abc", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
