import { describe, expect, it } from "vitest";
import { movesForward } from "./status";

describe("movesForward", () => {
  it.each([
    ["queued", "sent", true],
    ["sent", "delivered", true],
    ["delivered", "sent", false],
    ["delivered", "failed", false],
    ["failed", "delivered", false],
    ["delivered", "read", true],
    ["sent", "sent", false],
    ["queued", "ringing", true],
    ["in-progress", "completed", true],
    ["completed", "in-progress", false],
    ["queued", "bogus", false],
  ])("%s → %s: %s", (current, next, expected) => {
    expect(movesForward(current, next)).toBe(expected);
  });
});
