// What the live screen says first: the incident's verdict from its people's states. Danger
// wins over everything; "safe" needs every claimed person confirmed with the safe word.
export type PersonState = "waiting" | "probably_safe" | "confirmed_safe" | "in_danger";
type PersonLike = { name: string; state: PersonState };

export type IncidentView =
  { kind: "closed"; outcome: string } | { kind: "danger"; names: string[] } | { kind: "probably"; names: string[] } | { kind: "verifying" };

export function incidentView(incident: { status: string; outcome: string | null }, people: PersonLike[]): IncidentView {
  if (incident.status === "closed") return { kind: "closed", outcome: incident.outcome ?? "no_answer" };
  const inDanger = people.filter((person) => person.state === "in_danger");
  if (inDanger.length) return { kind: "danger", names: inDanger.map((person) => person.name) };
  if (people.length && people.every((person) => person.state !== "waiting"))
    return { kind: "probably", names: people.map((person) => person.name) };
  return { kind: "verifying" };
}

/** Why a person is probably safe, from the answers about them. */
export function probableReason(
  personName: string,
  checkIns: { verdict: string | null; person: { name: string } | null; contact: { name: string } | null }[],
): { reason: "keypad" | "seen"; from: string } | null {
  const about = checkIns.filter((checkIn) => checkIn.person?.name === personName);
  const seen = about.find((checkIn) => checkIn.verdict === "seen_safe" && checkIn.contact);
  if (seen) return { reason: "seen", from: seen.contact!.name };
  return about.some((checkIn) => checkIn.verdict === "keypad_safe") ? { reason: "keypad", from: "" } : null;
}
