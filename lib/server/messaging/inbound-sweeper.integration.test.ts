// The sweeper goes row by row: one row whose processing throws is counted, retried on later runs,
// and parked after SWEEP_MAX_ATTEMPTS, while the rows behind it are acted on.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { createTestPlan } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { messageSid } from "@/tests/integration/webhook-request";
import { takeConsoleErrors } from "@/tests/setup/fail-on-console-error";
import { storeInbound, sweepInbound, SWEEP_MAX_ATTEMPTS } from "./inbound";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";

recordOutgoingMessages();

describe("the inbound sweeper", () => {
  it("acts on the rows behind one whose processing throws, and parks that one after repeated failures", async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
    await drainJobs();
    // The oldest row is damaged (a reading that is not one): acting on it throws.
    const broken = await db.inboundWebhook.create({
      data: {
        providerKey: messageSid(),
        kind: "sms",
        fromNumber: ana.phone,
        toNumber: "+15005550006",
        body: "hola",
        params: {},
        readings: { damaged: null },
        receivedAt: new Date(Date.now() - 120_000),
      },
    });
    const good = await storeInbound({
      providerKey: messageSid(),
      kind: "sms",
      fromNumber: ana.phone,
      toNumber: "+15005550006",
      body: "ya voy",
      params: {},
    });
    await db.inboundWebhook.update({ where: { id: good.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });

    expect(await sweepInbound()).toBeGreaterThanOrEqual(1);
    expect(await db.inboundWebhook.findUniqueOrThrow({ where: { id: good.id } })).toMatchObject({ processedAt: expect.any(Date) });
    expect(await db.checkIn.findFirstOrThrow({ where: { incidentId: incident.id, personId: ana.id } })).toMatchObject({ reply: "ya voy" });
    expect(await db.inboundWebhook.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
      processedAt: null,
      attempts: 1,
      parkedAt: null,
    });

    for (let run = 2; run <= SWEEP_MAX_ATTEMPTS; run++) await sweepInbound();
    expect(await db.inboundWebhook.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
      processedAt: null,
      attempts: SWEEP_MAX_ATTEMPTS,
      parkedAt: expect.any(Date),
    });
    const errors = takeConsoleErrors().map((args) => args.map(String).join(" "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`parked sms webhook ${broken.id}`);
    expect(errors[0]).not.toContain("hola");

    // Parked: the sweeper no longer tries it.
    await sweepInbound();
    expect(await db.inboundWebhook.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({ attempts: SWEEP_MAX_ATTEMPTS });
  });
});
