import { describe, expect, it } from "vitest";
import { checklistStepKeys, checklistStepSchema } from "./incident";

describe("checklistStepSchema", () => {
  it("accepts every step of the guidance", () => {
    for (const step of checklistStepKeys) expect(checklistStepSchema.parse({ step, checked: "true" })).toEqual({ step, checked: true });
  });

  it.each([["anything"], ["x".repeat(10_000)], [""], ["hangUp "]])("refuses the step %j", (step) => {
    expect(checklistStepSchema.safeParse({ step, checked: "true" }).success).toBe(false);
  });
});
