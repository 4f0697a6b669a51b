// Loads a published list of extortion numbers (or accounts) into the caller registry, marked by
// its source, so the registry is useful from day one (docs/decisions/015-caller-registry.md):
//   npm run import-callers -- <file.csv> --source "<name of the list>" [--country MX|US]
// One identifier per line: a column named number/numero/phone/telefono/value (else the first),
// and an optional `kind` column (phone, clabe, card, store_reference, crypto).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runOperatorCommand } from "./operator-env.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { source: { type: "string" }, country: { type: "string", default: "MX" } },
});

await runOperatorCommand(async () => {
  const file = positionals[0];
  const source = values.source?.trim();
  if (!file || !source) throw new Error('usage: npm run import-callers -- <file.csv> --source "<name of the list>" [--country MX|US]');
  if (values.country !== "MX" && values.country !== "US") throw new Error("--country must be MX or US");
  const { importIdentifiers, parseIdentifierList } = await import("../lib/server/callers/import-identifiers.ts");
  const { identifiers, skipped } = parseIdentifierList(readFileSync(file, "utf8"), values.country);
  const imported = await importIdentifiers({ source: source.slice(0, 120), identifiers });
  console.log(`Imported ${imported} identifiers from ${file} as "${source}".`);
  for (const line of skipped.slice(0, 20)) console.log(`  skipped line ${line.line} (${line.value}): ${line.error}`);
  if (skipped.length > 20) console.log(`  … and ${skipped.length - 20} more skipped lines.`);
});
