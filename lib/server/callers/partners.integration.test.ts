// The partner feed: who may read it, what it carries (only what is past the threshold, or from a
// published list), incrementally, as JSON and CSV; and the import of a published list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/partners/v1/identifiers/route";
import { db } from "@/lib/db";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { createReportingFamily } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { checkIdentifier } from "./check-identifier";
import { importIdentifiers, parseIdentifierList } from "./import-identifiers";
import { createPartnerToken, partnerFailureLimit, partnerRateLimit, revokePartnerToken, type FeedEntry } from "./partners";
import { identifierHash } from "./registry-key";
import { reportIdentifier, withdrawFamilyReport } from "./report-identifier";

recordOutgoingMessages();
afterAll(async () => (await workerUtils()).release());

const feed = (query: string, token: string | null, address = "198.51.100.7") =>
  GET(
    new Request(`http://localhost:3000/api/partners/v1/identifiers${query}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "x-confirma-peer": address },
    }),
  );

/** The feed leaves the last seconds for the next poll: these rows are moved back past it. */
const settle = () =>
  db.$executeRaw`UPDATE caller_identifier SET "updatedAt" = "updatedAt" - interval '10 seconds' WHERE "updatedAt" > now() - interval '10 seconds'`;

let token: string;
beforeAll(async () => {
  token = (await createPartnerToken("Consejo Ciudadano")).token;
});

describe("partner authorization", () => {
  it("refuses no token, a malformed one, an unknown one and a revoked one", async () => {
    expect((await feed("", null)).status).toBe(401);
    expect((await feed("", "not-a-token")).status).toBe(401);
    expect((await feed("", `cfp_${"A".repeat(43)}`)).status).toBe(401);
    const revoked = await createPartnerToken("Old partner");
    expect((await feed("", revoked.token)).status).toBe(200);
    await revokePartnerToken(revoked.id);
    expect((await feed("", revoked.token)).status).toBe(401);
    // Only the token's hash is stored.
    expect(JSON.stringify(await db.partnerToken.findMany())).not.toContain(token);
  });

  it("limits requests per token and failures per address", async () => {
    const limited = await createPartnerToken("Busy partner");
    for (let index = 0; index < partnerRateLimit.limit; index++) expect((await feed("?limit=1", limited.token)).status).toBe(200);
    expect((await feed("?limit=1", limited.token)).status).toBe(429);
    for (let index = 0; index < partnerFailureLimit.limit; index++) expect((await feed("", "wrong", "203.0.113.9")).status).toBe(401);
    expect((await feed("", "wrong", "203.0.113.9")).status).toBe(429);
  });

  it("answers bad parameters with 400, not 500", async () => {
    expect((await feed("?since=yesterday", token)).status).toBe(400);
    expect((await feed("?limit=0", token)).status).toBe(400);
    expect((await feed("?format=xml", token)).status).toBe(400);
  });
});

describe("the feed", () => {
  it("lists identifiers past the threshold with counts and dates, never those below, and says when one is withdrawn", async () => {
    const [a, b, c] = await Promise.all([createReportingFamily(), createReportingFamily(), createReportingFamily()]);
    const listed = "55 8123 4567";
    const below = "55 8123 4568";
    for (const family of [a, b, c]) await reportIdentifier({ ...family.scope, input: listed, kind: "phone" });
    for (const family of [a, b]) await reportIdentifier({ ...family.scope, input: below, kind: "phone" });
    await settle();
    const first = await feed("", token);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { entries: FeedEntry[]; next: unknown };
    const entry = body.entries.find((candidate) => candidate.value === "+525581234567");
    expect(entry).toMatchObject({ kind: "phone", status: "listed", families: 3, recentFamilies: 3, source: null });
    expect(JSON.stringify(body)).not.toContain("+525581234568");
    expect(body.entries.some((candidate) => candidate.id === identifierHash({ kind: "phone", value: "+525581234568" }))).toBe(false);

    // Incremental: nothing new since the last entry; then a withdrawal shows up, without the value.
    const last = body.entries.at(-1)!;
    const since = `?since=${encodeURIComponent(last.updatedAt)}&after=${last.id}`;
    expect(((await (await feed(since, token)).json()) as { entries: FeedEntry[] }).entries).toEqual([]);
    await withdrawFamilyReport({ ...c.scope, hash: entry!.id });
    await settle();
    const later = (await (await feed(since, token)).json()) as { entries: FeedEntry[] };
    expect(later.entries).toEqual([expect.objectContaining({ id: entry!.id, status: "withdrawn", value: null, families: null })]);
  });

  it("pages with next, and exports CSV that spreadsheets cannot execute", async () => {
    await importIdentifiers({
      source: '=HYPERLINK("x")',
      identifiers: [
        { kind: "phone", value: "+525599990001" },
        { kind: "phone", value: "+525599990002" },
      ],
    });
    await settle();
    const page = (await (await feed("?limit=1", token)).json()) as { entries: FeedEntry[]; next: { since: string; after: string } | null };
    expect(page.entries).toHaveLength(1);
    expect(page.next).not.toBeNull();
    const csv = await feed("?format=csv", token);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("id,kind,status,value,families,recentFamilies,source,firstSeenAt,lastSeenAt,updatedAt");
    expect(text).toContain('"+525599990001"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("importing a published list", () => {
  it("reads the list, skips what is not a number, and families see it at once, marked by source", async () => {
    const { identifiers, skipped } = parseIdentifierList('numero,nota\n"55 7000 1234",a\n(415) 555-0199,b\nhola,c\n', "MX");
    expect(identifiers).toEqual([
      { kind: "phone", value: "+525570001234" },
      { kind: "phone", value: "+14155550199" },
    ]);
    expect(skipped).toEqual([{ line: 4, value: "hola", error: "phone.notANumber" }]);
    expect(parseIdentifierList("value,kind\n032180000118359719,clabe\n", "MX").identifiers).toEqual([
      { kind: "clabe", value: "032180000118359719" },
    ]);
    await importIdentifiers({ source: "Lista pública 2026", identifiers });
    const family = await createReportingFamily();
    const found = await checkIdentifier({ ...family.scope, input: "55 7000 1234", kind: "phone" });
    expect(found).toMatchObject({ ok: true, check: { known: { source: "Lista pública 2026", families: 0 } } });
  });
});
