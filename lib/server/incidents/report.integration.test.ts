// The printable report counts every closing message really queued: the reply to the person's
// word (their closing text), the all-clear or "no longer needed" to everyone asked and the adults,
// but not a text to a number that replied STOP.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestPlan } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { replyFrom, setUpIncidentTests } from "@/tests/integration/incident-harness";
import { closeIncidentByAdult } from "./close-incident";
import { getIncidentReport } from "./report";
import { runIncidentStep } from "./run-step";
import { startIncident } from "./start-incident";

const sent = setUpIncidentTests();

const reply = replyFrom;

describe("the incident report", () => {
  it("counts the person's closing text when nobody else was asked (not 'sent to 0')", async () => {
    const plan = await createTestPlan();
    await db.membership.updateMany({ where: { familyId: plan.family.id }, data: { phone: null } });
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    await reply(plan.people[0]!.phone, "mazapan");
    await drainJobs();
    const report = await getIncidentReport({ ...plan.scope, incidentId: incident.id });
    expect(report.incident.outcome).toBe("confirmed_safe");
    expect(report.closingSent).toBe(1);
    expect(report.closing).toEqual([
      expect.objectContaining({ kind: "word_reply", name: "Ana Vega", phone: plan.people[0]!.phone, channel: "sms", optedOut: false }),
    ]);
    // What the provider really got: the same one text.
    expect(sent.filter((message) => message.to === plan.people[0]!.phone)).toHaveLength(2); // the check-in, then the reply
    expect(report.closing[0]!.status).not.toBe("pending");
  });

  it("counts the person's reply and the all-clear to every contact asked and every adult, once each", async () => {
    const plan = await createTestPlan({
      contacts: [
        { name: "Coach", tier: 1 },
        { name: "Escuela", tier: 1, channel: "voice" },
        { name: "Tía", tier: 2 },
      ],
    });
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    await reply(plan.people[0]!.phone, "Mazapán.");
    await drainJobs();
    const report = await getIncidentReport({ ...plan.scope, incidentId: incident.id });
    // Ana's reply; Coach and Escuela (asked); the owner. Not the Tía: tier 2 was never asked.
    expect(report.closingSent).toBe(4);
    expect(report.closing.map((message) => [message.kind, message.name, message.channel]).sort()).toEqual(
      [
        ["all_clear", "Coach", "sms"],
        ["all_clear", "Escuela", "voice"],
        ["all_clear", "Owner", "sms"],
        ["word_reply", "Ana Vega", "sms"],
      ].sort(),
    );
    const allClear = report.events.find((event) => event.type === "all_clear_sent")!;
    expect((allClear.data as { messageIds: string[] }).messageIds).toHaveLength(3);
  });

  it("does not count a closing text to a number that replied STOP", async () => {
    const plan = await createTestPlan({
      contacts: [
        { name: "Coach", tier: 1 },
        { name: "Vecina", tier: 1 },
      ],
    });
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    await reply(plan.contacts[1]!.phone, "STOP");
    await closeIncidentByAdult({ ...plan.scope, incidentId: incident.id, outcome: "false_alarm" });
    await drainJobs();
    const report = await getIncidentReport({ ...plan.scope, incidentId: incident.id });
    expect(report.closing.map((message) => [message.kind, message.name, message.optedOut]).sort()).toEqual(
      [
        ["stand_down", "Ana Vega", false], // asked, never answered: told too
        ["stand_down", "Coach", false],
        ["stand_down", "Owner", false],
        ["stand_down", "Vecina", true],
      ].sort(),
    );
    expect(report.closingSent).toBe(3);
    expect(sent.filter((message) => message.to === plan.contacts[1]!.phone && /ya no|no longer/i.test(message.body))).toEqual([]);
  });

  it("gives the duration until the end, or until now while open", async () => {
    const plan = await createTestPlan();
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    const startedAt = new Date("2026-03-01T10:00:00Z");
    await db.incident.update({ where: { id: incident.id }, data: { startedAt } });
    const open = await getIncidentReport({ ...plan.scope, incidentId: incident.id, now: new Date("2026-03-01T10:12:05Z") });
    expect(open.endedAt).toBeNull();
    expect(open.durationMs).toBe(12 * 60_000 + 5000);
    await closeIncidentByAdult({ ...plan.scope, incidentId: incident.id, outcome: "no_answer" });
    await db.incident.update({ where: { id: incident.id }, data: { closedAt: new Date("2026-03-01T11:02:00Z") } });
    const closed = await getIncidentReport({ ...plan.scope, incidentId: incident.id });
    expect(closed.durationMs).toBe(62 * 60_000);
  });

  it("keeps the count of an incident closed before closing messages were named", async () => {
    const plan = await createTestPlan();
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    await closeIncidentByAdult({ ...plan.scope, incidentId: incident.id, outcome: "false_alarm" });
    await db.incidentEvent.updateMany({ where: { incidentId: incident.id, type: "stand_down_sent" }, data: { data: { count: 3 } } });
    const report = await getIncidentReport({ ...plan.scope, incidentId: incident.id });
    expect(report.closing).toEqual([]);
    expect(report.closingSent).toBe(3);
  });
});
