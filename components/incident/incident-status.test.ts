import { describe, expect, it } from "vitest";
import { incidentView, probableReason } from "./incident-status";

const open = { status: "open", outcome: null };

describe("incidentView", () => {
  it("puts danger above every weaker sign of safety", () => {
    expect(
      incidentView(open, [
        { name: "Ana", state: "confirmed_safe" },
        { name: "Luis", state: "in_danger" },
      ]),
    ).toEqual({ kind: "danger", names: ["Luis"] });
  });
  it("says probably safe only when nobody is still waiting", () => {
    expect(
      incidentView(open, [
        { name: "Ana", state: "probably_safe" },
        { name: "Luis", state: "waiting" },
      ]),
    ).toEqual({ kind: "verifying" });
    expect(
      incidentView(open, [
        { name: "Ana", state: "probably_safe" },
        { name: "Luis", state: "confirmed_safe" },
      ]),
    ).toEqual({ kind: "probably", names: ["Ana", "Luis"] });
  });
  it("reports the outcome once closed", () => {
    expect(incidentView({ status: "closed", outcome: "confirmed_safe" }, [{ name: "Ana", state: "confirmed_safe" }])).toEqual({
      kind: "closed",
      outcome: "confirmed_safe",
    });
  });
});

describe("probableReason", () => {
  it("names the contact who sees the person, else the key press", () => {
    const checkIns = [
      { verdict: "keypad_safe", person: { name: "Ana" }, contact: null },
      { verdict: "seen_safe", person: { name: "Ana" }, contact: { name: "Coach" } },
    ];
    expect(probableReason("Ana", checkIns)).toEqual({ reason: "seen", from: "Coach" });
    expect(probableReason("Ana", checkIns.slice(0, 1))).toEqual({ reason: "keypad", from: "" });
    expect(probableReason("Luis", checkIns)).toBeNull();
  });
});
