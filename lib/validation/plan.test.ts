import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { escalationDelaysSchema, secretWordsSchema } from "./plan";

function lookup(tree: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe("escalationDelaysSchema", () => {
  it("accepts steps in order and refuses them out of order or out of range", () => {
    expect(
      escalationDelaysSchema.safeParse({
        callDelaySeconds: "60",
        tier1DelaySeconds: "90",
        tier2DelaySeconds: "180",
        tier3DelaySeconds: "300",
      }).success,
    ).toBe(true);
    const issues = (input: object) => escalationDelaysSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(issues({ callDelaySeconds: 60, tier1DelaySeconds: 30, tier2DelaySeconds: 180, tier3DelaySeconds: 300 })).toEqual([
      "delay.order",
    ]);
    expect(issues({ callDelaySeconds: 5, tier1DelaySeconds: 90, tier2DelaySeconds: 180, tier3DelaySeconds: 9999 })).toEqual([
      "delay.tooShort",
      "delay.tooLong",
    ]);
    expect(issues({ callDelaySeconds: "soon", tier1DelaySeconds: 90, tier2DelaySeconds: 180, tier3DelaySeconds: 300 })).toEqual([
      "delay.invalid",
    ]);
  });
});

describe("secretWordsSchema", () => {
  const issues = (input: object) => secretWordsSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("accepts two usable words apart from each other", () => {
    expect(secretWordsSchema.safeParse({ safeWord: "Mazapán", duressWord: "girasol" }).data).toEqual({
      safeWord: "Mazapán",
      duressWord: "girasol",
    });
    expect(secretWordsSchema.safeParse({ safeWord: "pan de elote", duressWord: "luna llena" }).success).toBe(true);
  });

  it("requires both words every time, even to replace one", () => {
    expect(issues({ safeWord: "", duressWord: "" })).toEqual([
      ["safeWord", "word.required"],
      ["duressWord", "word.required"],
    ]);
    expect(issues({ safeWord: "mazapan" })).toEqual([["duressWord", "word.required"]]);
    expect(issues({ duressWord: "girasol" })).toEqual([["safeWord", "word.required"]]);
    expect(issues({ safeWord: "¡¡ 🙂 !!", duressWord: "girasol" })).toEqual([["safeWord", "word.required"]]);
  });

  it.each([
    ["abc", "word.tooShort"],
    ["x".repeat(41), "word.tooLong"],
    ["x".repeat(200), "word.tooLong"],
    ["pan de elote rico", "word.tooManyTokens"],
    ["STOP", "word.isKeyword"],
    ["Ayuda", "word.isKeyword"],
    ["cancelar", "word.isKeyword"],
    ["start", "word.isKeyword"],
    ["mariposa alto", "word.isKeyword"],
    ["ya voy", "word.isCommon"],
    ["bien", "word.isCommon"],
    ["Estoy bien, mamá", "word.isCommon"],
  ])("refuses %j as either word with %s", (word, message) => {
    expect(issues({ safeWord: word, duressWord: "girasol" })).toEqual([["safeWord", message]]);
    expect(issues({ safeWord: "girasol", duressWord: word })).toEqual([["duressWord", message]]);
  });

  it("refuses a duress word equal or too close to the safe word, whatever its case and accents", () => {
    expect(issues({ safeWord: "Mazapán", duressWord: " mazapan " })).toEqual([["duressWord", "word.same"]]);
    expect(issues({ safeWord: "¡Mazapán!", duressWord: "mazapan" })).toEqual([["duressWord", "word.same"]]);
    expect(issues({ safeWord: "mazapan", duressWord: "mazapam" })).toEqual([["duressWord", "word.tooClose"]]);
    expect(issues({ safeWord: "girasol", duressWord: "girasoles" })).toEqual([["duressWord", "word.tooClose"]]);
    expect(issues({ safeWord: "la luna", duressWord: "luna" })).toEqual([["duressWord", "word.tooClose"]]);
  });

  it("compares the two words only when both are usable", () => {
    expect(issues({ safeWord: "stop", duressWord: "stop" })).toEqual([
      ["safeWord", "word.isKeyword"],
      ["duressWord", "word.isKeyword"],
    ]);
  });

  it("has every message it can produce in both languages", () => {
    const inputs = [
      {},
      { safeWord: 5, duressWord: null },
      { safeWord: "abc", duressWord: "x".repeat(90) },
      { safeWord: "pan de elote rico", duressWord: "ayuda" },
      { safeWord: "ya voy", duressWord: "girasol" },
      { safeWord: "mazapan", duressWord: "Mazapán" },
      { safeWord: "mazapan", duressWord: "mazapam" },
    ];
    const messages = new Set(
      inputs.flatMap((input) => secretWordsSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? []),
    );
    expect([...messages].sort()).toEqual([
      "word.isCommon",
      "word.isKeyword",
      "word.required",
      "word.same",
      "word.tooClose",
      "word.tooLong",
      "word.tooManyTokens",
      "word.tooShort",
    ]);
    for (const key of messages) {
      expect(lookup(en.errors, key), key).toBeTypeOf("string");
      expect(lookup(es.errors, key), key).toBeTypeOf("string");
    }
  });
});
