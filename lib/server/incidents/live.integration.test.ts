import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestPlan } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { appendIncidentEvent } from "./events";
import { subscribeToLiveUpdates } from "./live";
import { readLiveUpdate, type LiveUpdate } from "./live-view";
import { workerUtils } from "./schedule";
import { startIncident } from "./start-incident";

recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

describe("the live view", () => {
  it("is the incident's people, pings and timeline, read in one query", async () => {
    const plan = await createTestPlan({ people: [{ name: "Ana" }, { name: "Luis" }] });
    const { incident } = await startIncident({ ...plan.scope, personId: null });
    const update = (await readLiveUpdate({ incidentId: incident.id }))!;
    expect(update.view).toMatchObject({
      status: "open",
      paused: false,
      nextStep: "call",
      people: [
        { name: "Ana", state: "waiting", guessesLeft: 5 },
        { name: "Luis", state: "waiting", guessesLeft: 5 },
      ],
    });
    expect(update.view.pings.map((ping) => ping.phone).sort()).toEqual(plan.people.map((person) => person.phone).sort());
    expect(update.events.map((event) => event.type)).toEqual(["started", "ping_sent", "ping_sent"]);
    expect(update.lastEventId).toBe(update.events.at(-1)!.id);
    expect(new Date(update.events[0]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await readLiveUpdate({ incidentId: incident.id, afterEventId: BigInt(update.lastEventId) }))!.events).toEqual([]);
  });
});

describe("live updates", () => {
  it("reach every watcher of an instance, each event once, with the view it led to", async () => {
    const plan = await createTestPlan();
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    const received: LiveUpdate[][] = Array.from({ length: 10 }, () => []);
    const unsubscribes = await Promise.all(
      received.map((updates) => subscribeToLiveUpdates(incident.id, (update) => updates.push(update))),
    );
    try {
      await appendIncidentEvent({ incidentId: incident.id, type: "paused" });
      await expect.poll(() => received.every((updates) => updates.length === 1), { timeout: 10_000 }).toBe(true);
      for (const updates of received) expect(updates[0]!.events.map((event) => event.type)).toEqual(["paused"]);
      // The same read serves them all.
      expect(new Set(received.map((updates) => updates[0]))).toHaveProperty("size", 1);
      await appendIncidentEvent({ incidentId: incident.id, type: "resumed" });
      await expect.poll(() => received.every((updates) => updates.length === 2), { timeout: 10_000 }).toBe(true);
      for (const updates of received) expect(updates[1]!.events.map((event) => event.type)).toEqual(["resumed"]);
    } finally {
      for (const unsubscribe of unsubscribes) unsubscribe();
    }
  });

  it("pass on an entry that committed after a later one, and the view it led to", async () => {
    const plan = await createTestPlan();
    const { incident } = await startIncident({ ...plan.scope, personId: plan.people[0]!.id });
    const received: LiveUpdate[] = [];
    const unsubscribe = await subscribeToLiveUpdates(incident.id, (update) => received.push(update));
    try {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inserted = () => {};
      const insertedEarly = new Promise<void>((resolve) => (inserted = resolve));
      // The earlier entry takes its id first and commits last.
      const slow = db.$transaction(async (tx) => {
        await appendIncidentEvent({ client: tx, incidentId: incident.id, type: "paused" });
        await tx.incident.update({ where: { id: incident.id }, data: { paused: true } });
        inserted();
        await gate;
      });
      await insertedEarly;
      await appendIncidentEvent({ incidentId: incident.id, type: "notes_updated" });
      await expect
        .poll(() => received.flatMap((update) => update.events.map((event) => event.type)), { timeout: 10_000 })
        .toContain("notes_updated");
      release();
      await slow;
      await expect
        .poll(() => received.flatMap((update) => update.events.map((event) => event.type)), { timeout: 10_000 })
        .toContain("paused");
      expect(received.at(-1)!.view.paused).toBe(true);
      const ids = received.flatMap((update) => update.events.map((event) => event.id));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      unsubscribe();
    }
  });
});
