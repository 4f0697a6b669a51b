import { describe, expect, it } from "vitest";
import { nameVariants, normalizeSecretWord } from "./secret-word";

describe("normalizeSecretWord", () => {
  it.each([
    ["Mazapán", "mazapan"],
    ["  MAZAPAN  ", "mazapan"],
    ["Ñandú", "nandu"],
    ["pan   de  elote", "pan de elote"],
    ["Crème Brûlée", "creme brulee"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSecretWord(input)).toBe(expected);
  });
});

describe("nameVariants", () => {
  it("holds full names and their longer parts", () => {
    expect([...nameVariants(["Ana María López", "Familia Pérez"])].sort()).toEqual(
      ["ana", "ana maria lopez", "familia", "familia perez", "lopez", "maria", "perez"].sort(),
    );
  });
});
