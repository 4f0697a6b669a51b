// kill -9 at the points where a crash could split what must happen together: after an inbound
// text is stored, after its effect (before the commit), after a tap's commit, and in the middle of
// a send. Real processes run the app's own code and die at those points; what they leave behind
// must be finished exactly once by the provider's retry, the worker, or reconciliation.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { getMessagingProvider, setMessagingProvider, webhookAuthToken } from "@/lib/server/messaging/provider";
import { createSimulatorProvider } from "@/lib/server/messaging/simulator-provider";
import { reconcileWithProvider } from "@/lib/server/messaging/reconcile";
import { createTwilioProvider } from "@/lib/server/messaging/twilio-provider";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { sweepInbound } from "@/lib/server/messaging/inbound";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { createTestPlan } from "./factories";
import { drainJobs } from "./jobs";
import { inboundSms, signedWebhook } from "./webhook-request";

const APP_NUMBER = "+15005550006";
let fake: FakeTwilio;
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  fake = await startFakeTwilio();
  setMessagingProvider(
    createTwilioProvider({
      ...env,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: APP_NUMBER,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: 3000,
    }),
  );
});
beforeEach(async () => {
  await drainJobs();
  fake.requests.length = 0;
});
afterAll(async () => {
  setMessagingProvider(undefined);
  await fake.close();
  await (await workerUtils()).release();
});

type Child = { exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; stdout: () => string; kill: () => void };

/** The app's code in its own process, configured like this test's (same database, the fake Twilio). */
function runApp(
  action: "webhook" | "start-incident" | "worker",
  payload: object,
  killAt?: string,
  options: { simulator?: boolean } = {},
): Child {
  const twilioEnv = options.simulator
    ? {}
    : {
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_FROM_NUMBER: APP_NUMBER,
        TWILIO_API_BASE_URL: fake.url,
      };
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TWILIO_")));
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "tests/integration/fault-child.ts"), action, JSON.stringify(payload)],
    {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: "test",
        DATABASE_URL: env.DATABASE_URL,
        BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET,
        PUBLIC_BASE_URL: env.PUBLIC_BASE_URL,
        ...twilioEnv,
        CONFIRMA_KILL_AT: killAt ?? "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", () => undefined);
  return {
    exit: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal }))),
    stdout: () => out,
    kill: () => child.kill("SIGKILL"),
  };
}

/** A text as Twilio posts it to the app: signed with the account's token (the child's), or this process's. */
function textRequest(from: string, body: string, sid: string, token: string) {
  const request = signedWebhook("/api/twilio/sms", { ...inboundSms(from, body, sid), To: APP_NUMBER }, { token });
  return request;
}

async function postInChild(from: string, body: string, sid: string, killAt: string) {
  const request = textRequest(from, body, sid, fake.authToken);
  const child = runApp(
    "webhook",
    { path: "/api/twilio/sms", headers: Object.fromEntries(request.headers), body: await request.text() },
    killAt,
  );
  return child.exit;
}

describe("kill -9 of the app", () => {
  for (const point of ["inbound-stored", "inbound-acted"] as const) {
    it(`at ${point}: the provider's retry, or the sweeper, acts on the text exactly once`, { timeout: 240_000 }, async () => {
      for (const recovery of ["retry", "sweeper"] as const) {
        const plan = await createTestPlan();
        const ana = plan.people[0]!;
        const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
        const sid = inboundSms(ana.phone, "").MessageSid;
        expect(await postInChild(ana.phone, "mazapan", sid, point)).toEqual({ code: null, signal: "SIGKILL" });
        const row = await db.inboundWebhook.findUnique({ where: { providerKey: sid } });
        // Killed after the store, the row waits unprocessed; killed inside the transaction, likewise.
        expect(row).toMatchObject({ processedAt: null, body: "[redacted]" });
        expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open" });

        if (recovery === "retry") {
          const retried = await handleTwilioWebhook(textRequest(ana.phone, "mazapan", sid, webhookAuthToken()));
          expect(retried.status).toBe(200);
          await handleTwilioWebhook(textRequest(ana.phone, "mazapan", sid, webhookAuthToken()));
        } else {
          await db.inboundWebhook.update({ where: { id: row!.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
          expect(await sweepInbound()).toBeGreaterThanOrEqual(1);
        }
        expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
          status: "closed",
          outcome: "confirmed_safe",
        });
        expect(await db.incidentEvent.count({ where: { incidentId: incident.id, type: "reply" } })).toBe(1);
      }
    });
  }

  it(
    "after a tap's commit: the incident, its first text and its timers are all there, and the worker sends the text once",
    { timeout: 180_000 },
    async () => {
      const plan = await createTestPlan();
      const ana = plan.people[0]!;
      expect(await runApp("start-incident", { ...plan.scope, personId: ana.id }, "incident-committed").exit).toEqual({
        code: null,
        signal: "SIGKILL",
      });
      const incident = await db.incident.findFirstOrThrow({ where: { familyId: plan.family.id } });
      expect(await db.incidentPerson.count({ where: { incidentId: incident.id, openPersonId: ana.id } })).toBe(1);
      const { rows } = await (
        await workerUtils()
      ).withPgClient((client) =>
        client.query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE $1", [`incident:${incident.id}:%`]),
      );
      expect(rows[0].n).toBe(4);
      await drainJobs();
      await drainJobs();
      expect(fake.requests.filter((request) => request.params.To === ana.phone)).toHaveLength(1);
    },
  );
});

describe("kill -9 of the worker in the middle of a send", () => {
  it("leaves a message the provider took: reconciliation adopts it and it is never sent twice", { timeout: 240_000 }, async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
    const worker = runApp("worker", {}, "send-requested");
    expect(await worker.exit).toEqual({ code: null, signal: "SIGKILL" });
    const message = await db.outboundMessage.findFirstOrThrow({ where: { to: ana.phone } });
    expect(message).toMatchObject({ status: "pending", providerSid: null });
    expect(fake.messages.filter((sent) => sent.to === ana.phone)).toHaveLength(1);

    // A new worker comes up (the dead one's job stays locked), and reconciliation runs.
    const next = runApp("worker", {});
    try {
      // A loaded machine may take long to start a process: the wait is generous, not a measure.
      await expect.poll(() => next.stdout(), { timeout: 120_000, interval: 250 }).toContain("worker running");
      // Reconciliation acts on every message in the database: only this test's message is looked at.
      await reconcileWithProvider({ cutOffAfterMs: 0 });
    } finally {
      next.kill();
      await next.exit;
    }
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      providerSid: fake.messages.find((sent) => sent.to === ana.phone)!.sid,
    });
    expect(fake.messages.filter((sent) => sent.to === ana.phone)).toHaveLength(1);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open" });
  });

  it("leaves a message the provider never got: reconciliation sends it, once", { timeout: 60_000 }, async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    await startIncident({ ...plan.scope, personId: ana.id });
    // As a worker killed before its request left would leave it: the job held by a dead worker, nothing sent.
    await (
      await workerUtils()
    ).withPgClient((client) =>
      client.query(
        "UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker' WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'send_message') AND locked_at IS NULL",
      ),
    );
    await db.outboundMessage.updateMany({ where: { to: ana.phone }, data: { attempts: 1 } });
    await reconcileWithProvider({ cutOffAfterMs: 0 });
    const sent = fake.messages.filter((candidate) => candidate.to === ana.phone);
    expect(sent).toHaveLength(1);
    expect(await db.outboundMessage.findFirstOrThrow({ where: { to: ana.phone } })).toMatchObject({ providerSid: sent[0]!.sid });
    await reconcileWithProvider({ cutOffAfterMs: 0 });
    expect(fake.messages.filter((candidate) => candidate.to === ana.phone)).toHaveLength(1);
  });

  it("feeds a text it finds late only to the questions asked before it was sent", { timeout: 30_000 }, async () => {
    const plan = await createTestPlan();
    const ana = plan.people[0]!;
    // Ana texted the safe word a minute before this verification started (to an old question, or
    // none): the webhook never got through. Found now, it must not confirm a question it never saw.
    const early = fake.receive({ from: ana.phone, to: APP_NUMBER, body: "mazapan", dateSent: new Date(Date.now() - 60_000) });
    const { incident } = await startIncident({ ...plan.scope, personId: ana.id });
    const late = fake.receive({ from: ana.phone, to: APP_NUMBER, body: "ya voy" });
    await reconcileWithProvider();
    expect(await db.inboundWebhook.count({ where: { providerKey: { in: [early.sid, late.sid] }, processedAt: { not: null } } })).toBe(2);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "open" });
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({ state: "waiting" });
    expect(await db.checkIn.findFirstOrThrow({ where: { incidentId: incident.id, personId: ana.id } })).toMatchObject({ reply: "ya voy" });
  });
});

describe("kill -9 of the worker in the middle of a send, with the simulator", () => {
  it(
    "leaves the id the simulator gave the text in its record: the re-run job and reconciliation never send it again",
    { timeout: 180_000 },
    async () => {
      const twilio = getMessagingProvider();
      setMessagingProvider(createSimulatorProvider());
      try {
        const plan = await createTestPlan();
        const ana = plan.people[0]!;
        await startIncident({ ...plan.scope, personId: ana.id });
        const worker = runApp("worker", {}, "send-requested", { simulator: true });
        expect(await worker.exit).toEqual({ code: null, signal: "SIGKILL" });
        const message = await db.outboundMessage.findFirstOrThrow({ where: { to: ana.phone } });
        // The simulator's record (its database rows) holds the send, as Twilio's would.
        expect(message).toMatchObject({ provider: "simulator", status: "pending", providerSid: expect.stringMatching(/^SM/) });

        // The claim goes stale and the dead worker's lock is released: its job runs again.
        await db.outboundMessage.update({ where: { id: message.id }, data: { sendingAt: new Date(Date.now() - 3 * 60_000) } });
        await (
          await workerUtils()
        ).withPgClient((client) =>
          client.query(
            "SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE key = $1 AND locked_by IS NOT NULL))",
            [`send:${message.id}`],
          ),
        );
        await drainJobs();
        await reconcileWithProvider({ cutOffAfterMs: 0 });
        const record = getMessagingProvider().record!;
        const sent = await record.listSent({ to: ana.phone, since: new Date(message.createdAt.getTime() - 60_000) });
        expect(sent.map((entry) => entry.sid)).toEqual([message.providerSid]);
        expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
          providerSid: message.providerSid,
          status: "sent",
        });
      } finally {
        setMessagingProvider(twilio);
      }
    },
  );
});
