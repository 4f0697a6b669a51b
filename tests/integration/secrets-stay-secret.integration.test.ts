// An incident in which the safe word is used: the word must appear in no log line, no webhook
// response, no outbound message and no table column in clear.
import { drainJobs } from "@/tests/integration/jobs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { runIncidentStep } from "@/lib/server/incidents/run-step";
import { checkCallerWord } from "@/lib/server/incidents/manage-incident";
import { workerUtils } from "@/lib/server/incidents/schedule";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { createTestFamily } from "./factories";
import { recordOutgoingMessages } from "./recording-provider";
import { inboundSms, signedWebhook } from "./webhook-request";

// Words no other test of this database uses, so that the scan of every column finds only ours.
const letters = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const SAFE = `Tamarindo${letters()}`;
const DURESS = `Papalote${letters()}`;
const sent = recordOutgoingMessages();
const logged: string[] = [];
const streams = ["log", "info", "warn", "error", "debug"] as const;

beforeAll(() => {
  for (const stream of streams) {
    const original = console[stream].bind(console);
    vi.spyOn(console, stream).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
      if (stream === "error") original(...args);
    });
  }
  const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array) => boolean;
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return write(chunk);
  }) as typeof process.stdout.write);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await (await workerUtils()).release();
});

describe("secret words", () => {
  it("never appear in logs, responses, outbound messages or any column", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Secreta" });
    const scope = { familyId: family.id, userId: ownerId };
    const person = await db.person.create({ data: { familyId: family.id, name: "Lía", phone: "+525577665544", locale: "es" } });
    const contact = await db.contact.create({
      data: { familyId: family.id, name: "Vecina", phone: "+525577665533", locale: "es", relationship: "neighbor" },
    });
    await db.personContact.create({ data: { personId: person.id, contactId: contact.id, tier: 1 } });
    await saveSecretWords({ ...scope, input: { safeWord: SAFE, duressWord: DURESS } });

    const { incident } = await startIncident({ ...scope, personId: person.id });
    await runIncidentStep({ incidentId: incident.id, step: "tier1" });
    await checkCallerWord({ ...scope, incidentId: incident.id, word: SAFE.toUpperCase() });
    const responses = [];
    for (const body of [`${DURESS.toLowerCase()} `, ` ${SAFE.toLowerCase()}`, SAFE]) {
      const response = await handleTwilioWebhook(signedWebhook("/api/twilio/sms", inboundSms(person.phone, body)));
      responses.push(await response.text());
    }
    await drainJobs();
    // Duress first: the later safe word cannot undo it.
    expect(await db.incidentPerson.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({ state: "in_danger" });

    const leaks = (text: string) => [SAFE, DURESS].some((word) => text.toLowerCase().includes(word.toLowerCase()));
    expect(logged.filter(leaks)).toEqual([]);
    expect(responses.filter(leaks)).toEqual([]);
    expect(sent.map((message) => message.body).filter(leaks)).toEqual([]);

    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying')`;
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE lower("${column_name}"::text) LIKE '%' || $1 || '%' OR lower("${column_name}"::text) LIKE '%' || $2 || '%'`,
        SAFE.toLowerCase(),
        DURESS.toLowerCase(),
      );
      if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);
  });
});
