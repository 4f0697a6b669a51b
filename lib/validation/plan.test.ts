import { describe, expect, it } from "vitest";
import { escalationDelaysSchema, secretWordsSchema } from "./plan";

describe("escalationDelaysSchema", () => {
  it("accepts steps in order and refuses them out of order or out of range", () => {
    expect(escalationDelaysSchema.safeParse({ callDelaySeconds: "60", tier1DelaySeconds: "90", tier2DelaySeconds: "180", tier3DelaySeconds: "300" }).success).toBe(true);
    const issues = (input: object) => escalationDelaysSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(issues({ callDelaySeconds: 60, tier1DelaySeconds: 30, tier2DelaySeconds: 180, tier3DelaySeconds: 300 })).toEqual(["delay.order"]);
    expect(issues({ callDelaySeconds: 5, tier1DelaySeconds: 90, tier2DelaySeconds: 180, tier3DelaySeconds: 9999 })).toEqual(["delay.tooShort", "delay.tooLong"]);
    expect(issues({ callDelaySeconds: "soon", tier1DelaySeconds: 90, tier2DelaySeconds: 180, tier3DelaySeconds: 300 })).toEqual(["delay.invalid"]);
  });
});

describe("secretWordsSchema", () => {
  it("refuses equal words whatever their case and accents", () => {
    expect(secretWordsSchema.safeParse({ safeWord: "Mazapán", duressWord: " mazapan " }).error?.issues.map((issue) => issue.message)).toEqual(["word.same"]);
    expect(secretWordsSchema.safeParse({ safeWord: "", duressWord: "" }).error?.issues.map((issue) => issue.message)).toEqual(["word.required"]);
    expect(secretWordsSchema.safeParse({ safeWord: "abc" }).error?.issues.map((issue) => issue.message)).toEqual(["word.tooShort"]);
  });
});
