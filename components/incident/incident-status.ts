type CheckInLike = { verdict: string | null; person: { name: string } | null; contact: { name: string } | null };

export type IncidentView =
  | { kind: "closed"; outcome: string }
  | { kind: "danger"; name: string }
  | { kind: "probably"; reason: "keypad" | "seen"; name: string; from: string }
  | { kind: "verifying" };

/** What the screen says first, from the strongest signal received so far. */
export function incidentView(incident: { status: string; outcome: string | null }, checkIns: CheckInLike[], personName: string): IncidentView {
  if (incident.status === "closed") return { kind: "closed", outcome: incident.outcome ?? "no_answer" };
  const danger = checkIns.find((checkIn) => checkIn.verdict === "danger");
  if (danger) return { kind: "danger", name: danger.person?.name ?? personName };
  const keypad = checkIns.find((checkIn) => checkIn.verdict === "keypad_safe");
  if (keypad) return { kind: "probably", reason: "keypad", name: keypad.person?.name ?? personName, from: "" };
  const seen = checkIns.find((checkIn) => checkIn.verdict === "seen_safe");
  if (seen) return { kind: "probably", reason: "seen", name: personName, from: seen.contact?.name ?? "" };
  return { kind: "verifying" };
}
