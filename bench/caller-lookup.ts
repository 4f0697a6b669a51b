// `caller_lookup_ms_p95`: the caller registry's lookup (the app's own statement,
// lib/caller-registry-sql.ts) with 1 million reports in the registry, against a bare
// primary-key SELECT on the same table in the same run. Seeded with generate_series in a few
// statements; runs on its own too: DATABASE_URL=<a migrated database> npx tsx bench/caller-lookup.ts
import { randomBytes } from "node:crypto";
import pg from "pg";
import { registryLookupSql } from "../lib/caller-registry-sql.ts";
import { percentile, round, type Figure } from "./stats.ts";

const reports = Number(process.env.BENCH_CALLER_REPORTS ?? 1_000_000);
const lookups = Number(process.env.BENCH_CALLER_LOOKUPS ?? 2000);
const threshold = 3;

/**
 * 1,000,000 reports over 250,000 identifiers: 2,000 "hot" numbers with 300 to 700 reports each
 * (what the most-reported numbers reach in Mexico City's base), the rest with one to a few,
 * spread over a year; then the aggregates built from them, as reporting keeps them.
 */
async function seed(client: pg.PoolClient, log: (line: string) => void) {
  const started = performance.now();
  await client.query("DELETE FROM caller_report WHERE \"identifierHash\" LIKE 'bench-%'");
  await client.query("DELETE FROM caller_identifier WHERE hash LIKE 'bench-%'");
  const hot = 2000;
  const hotReports = Math.min(reports, hot * 500);
  await client.query(
    `INSERT INTO caller_report ("identifierHash", "reporterHash", "reportedAt")
     SELECT 'bench-' || lpad((i % $2)::text, 7, '0'), md5(i::text) || md5((i * 7)::text), now() - (random() * interval '365 days')
     FROM generate_series(1, $1) AS i`,
    [hotReports, hot],
  );
  await client.query(
    `INSERT INTO caller_report ("identifierHash", "reporterHash", "reportedAt")
     SELECT 'bench-' || lpad(($2 + (i % 248000))::text, 7, '0'), md5((i + $3)::text) || md5(i::text), now() - (random() * interval '365 days')
     FROM generate_series(1, $1) AS i`,
    [reports - hotReports, hot, reports],
  );
  await client.query(
    `INSERT INTO caller_identifier (hash, kind, families, value, "firstSeenAt", "lastSeenAt", "publishedAt", "updatedAt")
     SELECT "identifierHash", 'phone', count(*), CASE WHEN count(*) >= $1 THEN '+5255' || right("identifierHash", 8) END, min("reportedAt"), max("reportedAt"),
            CASE WHEN count(*) >= $1 THEN min("reportedAt") END, max("reportedAt")
     FROM caller_report WHERE "identifierHash" LIKE 'bench-%' GROUP BY "identifierHash"`,
    [threshold],
  );
  await client.query("ANALYZE caller_report");
  await client.query("ANALYZE caller_identifier");
  const [{ count }] = (await client.query<{ count: string }>("SELECT count(*) FROM caller_report")).rows as [{ count: string }];
  log(`caller registry: ${count} reports seeded in ${round((performance.now() - started) / 1000)} s`);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function measureCallerLookup(databaseUrl: string, log: (line: string) => void = console.log): Promise<Figure[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const client = await pool.connect();
  try {
    await seed(client, log);
    // What a family types: a hot number (hundreds of reports to count), a rarely reported one
    // (below the threshold: one probe), and one nobody reported.
    const target = (i: number) =>
      i % 3 === 0
        ? `bench-${String(i % 2000).padStart(7, "0")}`
        : i % 3 === 1
          ? `bench-${String(2000 + (i % 248000)).padStart(7, "0")}`
          : randomBytes(32).toString("base64url");
    const lookup = (hash: string) => client.query({ name: "caller-lookup", text: registryLookupSql, values: [[hash], threshold, 30] });
    const bare = (hash: string) =>
      client.query({ name: "caller-bare", text: "SELECT hash FROM caller_identifier WHERE hash = $1", values: [hash] });
    for (let i = 0; i < 200; i++) {
      await lookup(target(i));
      await bare(target(i));
    }
    const lookupTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < lookups; i++) {
      const hash = target(i * 7919);
      lookupTimes.push(await time(() => lookup(hash)));
      bareTimes.push(await time(() => bare(hash)));
    }
    const p95 = percentile(lookupTimes, 95);
    const baseline = percentile(bareTimes, 95);
    return [
      {
        name: "caller_lookup_ms_p95",
        value: round(p95, 2),
        unit: `ms (${reports.toLocaleString("en")} reports)`,
        baseline: round(baseline, 2),
        ratio: round(p95 / Math.max(0.01, baseline), 2),
        budget: "≤ 20",
        meets: p95 <= 20,
      },
    ];
  } finally {
    client.release();
    await pool.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (a migrated database) is needed");
  console.log(await measureCallerLookup(process.env.DATABASE_URL));
}
