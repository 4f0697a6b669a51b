// The caller registry's lookup, as one statement: used by the app (lib/server/callers/registry.ts)
// and timed as it is by the benchmark (bench/caller-lookup.ts).
// $1: the identifiers' hashes; $2: the threshold K; $3: the "recent" window in days.
// One primary-key probe per hash, and only past the threshold a count over the report index.
export const registryLookupSql = `
  SELECT c.hash, c.families, c.source, c."firstSeenAt", c."lastSeenAt",
    CASE WHEN c.families >= $2 THEN (
      SELECT count(*) FROM caller_report r
       WHERE r."identifierHash" = c.hash AND r."reportedAt" > now() - make_interval(days => $3::int)
    ) ELSE 0 END AS recent
  FROM caller_identifier c
  WHERE c.hash = ANY($1::text[]) AND (c.families >= $2 OR c.source IS NOT NULL)`;
