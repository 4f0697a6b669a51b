// The shared caller registry: nothing shown below K families, once per family, withdrawal and
// erasure, the limits that keep one account from poisoning it, and reports from closed scams.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeIncidentByAdult } from "@/lib/server/incidents/close-incident";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { deleteFamily, exportFamilyData } from "@/lib/server/family/manage-family";
import { getIncidentReport } from "@/lib/server/incidents/report";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { ageTestFamily, createReportingFamily, createTestPlan } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { checkIdentifier } from "./check-identifier";
import { addIncidentIdentifier, getIncidentCallers, setIncidentCaller } from "./incident-callers";
import { familyReportLimit, registryThreshold } from "./registry";
import { identifierHash } from "./registry-key";
import { reportIdentifier, setCallerReportSharing, withdrawFamilyReport } from "./report-identifier";

recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

let sequence = 0;
/** A caller's number no other test uses, typed the Mexican way. */
function callerNumber() {
  sequence++;
  const worker = Number(process.env.VITEST_POOL_ID ?? "0") % 10;
  return `55 ${worker}${String(process.pid % 100).padStart(2, "0")}${String(sequence % 10)} ${String(1000 + ((sequence * 37) % 9000))}`;
}

async function families(count: number) {
  return Promise.all(Array.from({ length: count }, () => createReportingFamily()));
}

const check = (scope: { familyId: string; userId: string }, input: string, kind: "phone" | "auto" = "phone") =>
  checkIdentifier({ ...scope, input, kind });

describe("threshold and anonymity", () => {
  it("says nothing until K different families reported a number, then how many, never which", async () => {
    expect(registryThreshold()).toBe(3);
    const number = callerNumber();
    const [a, b, c, d] = await families(4);
    await reportIdentifier({ ...a!.scope, input: number, kind: "phone" });
    await reportIdentifier({ ...b!.scope, input: number, kind: "phone" });
    // K-1 families: nothing, for anyone, and the clear value is nowhere in the registry.
    const below = await check(d!.scope, number);
    expect(below).toMatchObject({ ok: true, check: { known: null, reportedByFamily: false } });
    const hash = below.ok ? below.check.hash : "";
    const row = await db.callerIdentifier.findUniqueOrThrow({ where: { hash } });
    expect(row).toMatchObject({ families: 2, value: null, publishedAt: null });
    // A family that reported sees its own report, but no count.
    expect(await check(a!.scope, number)).toMatchObject({ ok: true, check: { known: null, reportedByFamily: true } });

    await reportIdentifier({ ...c!.scope, input: number, kind: "phone" });
    const past = await check(d!.scope, number);
    expect(past).toMatchObject({ ok: true, check: { known: { families: 3, recentFamilies: 3, source: null } } });
    const published = await db.callerIdentifier.findUniqueOrThrow({ where: { hash } });
    expect(published.value).toBe(past.ok ? past.check.identifier.value : "");
    expect(published.publishedAt).not.toBeNull();
    // No family id anywhere in the registry's shared tables.
    const shared = JSON.stringify(await db.callerReport.findMany({ where: { identifierHash: hash } }));
    for (const family of [a, b, c]) expect(shared).not.toContain(family!.family.id);
  });

  it("counts a family once, however often it reports", async () => {
    const number = callerNumber();
    const [a] = await families(1);
    await reportIdentifier({ ...a!.scope, input: number, kind: "phone" });
    const again = await reportIdentifier({ ...a!.scope, input: number.replaceAll(" ", ""), kind: "phone" });
    expect(again).toEqual({ reported: 0, alreadyReported: 1, refused: null });
    const hash = identifierHash({ kind: "phone", value: `+52${number.replaceAll(" ", "")}` });
    expect((await db.callerIdentifier.findUniqueOrThrow({ where: { hash } })).families).toBe(1);
  });

  it("matches payment identifiers the same way", async () => {
    const [a, b, c, d] = await families(4);
    const clabe = "032180000118359719";
    for (const family of [a, b, c]) await reportIdentifier({ ...family!.scope, input: clabe, kind: "auto" });
    const found = await check(d!.scope, "032 180 00011835971 9", "auto");
    expect(found).toMatchObject({ ok: true, check: { identifier: { kind: "clabe" }, known: { families: expect.any(Number) } } });
    expect(found.ok && found.check.known!.families).toBeGreaterThanOrEqual(3);
    expect(await check(d!.scope, "032180000118359718", "auto")).toEqual({ ok: false, error: "clabe.checkDigit" });
  });
});

describe("withdrawal and erasure", () => {
  it("a withdrawn report stops counting, and below K the value is a hash again", async () => {
    const number = callerNumber();
    const [a, b, c, d] = await families(4);
    for (const family of [a, b, c]) await reportIdentifier({ ...family!.scope, input: number, kind: "phone" });
    const before = await check(d!.scope, number);
    expect(before.ok && before.check.known?.families).toBe(3);
    const hash = before.ok ? before.check.hash : "";
    await withdrawFamilyReport({ ...c!.scope, hash });
    expect(await check(d!.scope, number)).toMatchObject({ ok: true, check: { known: null } });
    expect(await db.callerIdentifier.findUniqueOrThrow({ where: { hash } })).toMatchObject({ families: 2, value: null });
    await expect(withdrawFamilyReport({ ...c!.scope, hash })).rejects.toMatchObject({ code: "not_found" });
    // Another family cannot withdraw a report that is not its own.
    await expect(withdrawFamilyReport({ ...d!.scope, hash })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.callerIdentifier.findUniqueOrThrow({ where: { hash } })).families).toBe(2);
  });

  it("deleting a family withdraws its reports", async () => {
    const number = callerNumber();
    const [a, b, c, d] = await families(4);
    for (const family of [a, b, c]) await reportIdentifier({ ...family!.scope, input: number, kind: "phone" });
    await deleteFamily({ ...c!.scope, confirmName: c!.family.name });
    const after = await check(d!.scope, number);
    expect(after).toMatchObject({ ok: true, check: { known: null } });
    const hash = after.ok ? after.check.hash : "";
    expect((await db.callerIdentifier.findUniqueOrThrow({ where: { hash } })).families).toBe(2);
    expect(await db.callerReport.count({ where: { identifierHash: hash } })).toBe(2);
    expect(await db.familyCallerReport.count({ where: { familyId: c!.family.id } })).toBe(0);
  });
});

describe("poisoning limits", () => {
  it("refuses reports from a family younger than the minimum age, and from one with no plan", async () => {
    const young = await createTestPlan({ words: null });
    await expect(reportIdentifier({ ...young.scope, input: callerNumber(), kind: "phone" })).rejects.toMatchObject({
      messageKey: "callers.refused.family_too_new",
    });
    const empty = await createTestPlan({ people: [], words: null });
    await ageTestFamily(empty.family.id);
    await expect(reportIdentifier({ ...empty.scope, input: callerNumber(), kind: "phone" })).rejects.toMatchObject({
      messageKey: "callers.refused.no_plan",
    });
    expect(env.CALLER_REPORT_MIN_FAMILY_AGE_HOURS).toBe(24);
  });

  it("stops a family past its daily number of reports", async () => {
    const [a] = await families(1);
    for (let index = 0; index < familyReportLimit.limit; index++)
      await reportIdentifier({ ...a!.scope, input: callerNumber(), kind: "phone" });
    await expect(reportIdentifier({ ...a!.scope, input: callerNumber(), kind: "phone" })).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "callers.refused.rate_limited",
    });
    expect(await db.familyCallerReport.count({ where: { familyId: a!.family.id } })).toBe(familyReportLimit.limit);
  });

  it("refuses what is not a number with a message, never a crash", async () => {
    const [a] = await families(1);
    expect(await check(a!.scope, "<script>")).toEqual({ ok: false, error: "phone.notANumber" });
    await expect(reportIdentifier({ ...a!.scope, input: "12", kind: "phone" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("reports from closed scam calls", () => {
  async function closedScam(
    family: Awaited<ReturnType<typeof createReportingFamily>>,
    number: string,
    options: { drill?: boolean; outcome?: "confirmed_safe" | "false_alarm" | "no_answer" } = {},
  ) {
    const started = await startIncident({ ...family.scope, personId: family.people[0]!.id, drill: options.drill });
    const scope = { ...family.scope, incidentId: started.incident.id };
    await setIncidentCaller({ ...scope, input: number, hidden: false });
    await addIncidentIdentifier({ ...scope, input: "4111 1111 1111 1111", kind: "auto" });
    await closeIncidentByAdult({ ...scope, outcome: options.outcome ?? "confirmed_safe" });
    return scope;
  }

  it("counts the caller's number and payment identifiers as the family's report; drills and unanswered calls do not", async () => {
    const number = callerNumber();
    const [a, b, c, d] = await families(4);
    await closedScam(a!, number);
    await closedScam(b!, number, { outcome: "false_alarm" });
    await closedScam(c!, number, { drill: true });
    await closedScam(d!, number, { outcome: "no_answer" });
    const hash = identifierHash({ kind: "phone", value: `+52${number.replaceAll(" ", "")}` });
    expect((await db.callerIdentifier.findUniqueOrThrow({ where: { hash } })).families).toBe(2);
    expect(await db.familyCallerReport.count({ where: { familyId: a!.family.id } })).toBe(2);
  });

  it("honours the family's opt-out", async () => {
    const number = callerNumber();
    const [a] = await families(1);
    await setCallerReportSharing({ ...a!.scope, share: false });
    const scope = await closedScam(a!, number);
    expect(await db.familyCallerReport.count({ where: { familyId: a!.family.id } })).toBe(0);
    const callers = await getIncidentCallers(scope);
    expect(callers.identifiers.map((entry) => entry.identifier.kind)).toEqual(["phone", "card"]);
  });

  it("keeps the number typed after the call, or 'hidden', on the incident", async () => {
    const [a] = await families(1);
    const started = await startIncident({ ...a!.scope, personId: a!.people[0]!.id });
    const scope = { ...a!.scope, incidentId: started.incident.id };
    await setIncidentCaller({ ...scope, input: "(415) 555-0134", hidden: false });
    expect((await db.incident.findUniqueOrThrow({ where: { id: scope.incidentId } })).callerPhone).toBe("+14155550134");
    await setIncidentCaller({ ...scope, input: "", hidden: true });
    expect(await db.incident.findUniqueOrThrow({ where: { id: scope.incidentId } })).toMatchObject({
      callerPhone: null,
      callerHidden: true,
    });
    await expect(setIncidentCaller({ ...scope, input: "no", hidden: false })).rejects.toMatchObject({ code: "invalid_input" });
    const [other] = await families(1);
    await expect(
      setIncidentCaller({ ...other!.scope, incidentId: scope.incidentId, input: "55 1234 5678", hidden: false }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("puts the caller's number and payment details on the report and in the family's export", async () => {
    const [a] = await families(1);
    const started = await startIncident({ ...a!.scope, personId: a!.people[0]!.id });
    const scope = { ...a!.scope, incidentId: started.incident.id };
    await setIncidentCaller({ ...scope, input: "55 4444 3333", hidden: false });
    await addIncidentIdentifier({ ...scope, input: "032180000118359719", kind: "clabe" });
    await addIncidentIdentifier({ ...scope, input: "4111111111111111", kind: "card" });
    const report = await getIncidentReport(scope);
    expect(report.caller).toEqual({
      hidden: false,
      identifiers: [
        { kind: "phone", value: "+525544443333", display: "+52 55 4444 3333" },
        { kind: "clabe", value: "032180000118359719", display: "032 180 00011835971 9" },
        // The printed report is for the authorities: the whole card number.
        { kind: "card", value: "4111111111111111", display: "4111111111111111" },
      ],
    });
    const exported = await exportFamilyData(a!.scope);
    expect(exported.family.incidents[0]).toMatchObject({
      callerPhone: "+525544443333",
      identifiers: [
        { kind: "clabe", value: "032180000118359719" },
        { kind: "card", value: "4111111111111111" },
      ],
    });
  });
});
