import { describe, expect, it } from "vitest";
import { incidentView } from "./incident-status";

const open = { status: "open", outcome: null };
const person = (verdict: string | null) => ({ verdict, person: { name: "Ana" }, contact: null });
const contact = (verdict: string | null) => ({ verdict, person: null, contact: { name: "Coach" } });

describe("incidentView", () => {
  it("puts danger above every weaker sign of safety", () => {
    expect(incidentView(open, [contact("seen_safe"), person("keypad_safe"), person("danger")], "Ana")).toEqual({ kind: "danger", name: "Ana" });
  });
  it("shows a key press or a contact's YES as probably safe, not confirmed", () => {
    expect(incidentView(open, [contact("seen_safe")], "Ana")).toEqual({ kind: "probably", reason: "seen", name: "Ana", from: "Coach" });
    expect(incidentView(open, [person("keypad_safe")], "Ana")).toMatchObject({ kind: "probably", reason: "keypad" });
  });
  it("keeps verifying on silence and text, and reports the outcome once closed", () => {
    expect(incidentView(open, [person("text"), contact(null)], "Ana")).toEqual({ kind: "verifying" });
    expect(incidentView({ status: "closed", outcome: "confirmed_safe" }, [person("danger")], "Ana")).toEqual({ kind: "closed", outcome: "confirmed_safe" });
  });
});
