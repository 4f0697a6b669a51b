import "server-only";
import {
  normalizeCallerNumber,
  normalizePaymentIdentifier,
  paymentKinds,
  type Identifier,
  type PaymentKind,
} from "@/lib/caller-identifiers";
import { db } from "@/lib/db";
import type { Country } from "@/lib/validation/family";
import { identifierHash } from "./registry-key";

export type ImportSummary = { imported: number; skipped: { line: number; value: string; error: string }[] };

/** Splits one CSV line (quotes and doubled quotes understood). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted && char === '"' && line[index + 1] === '"') {
      current += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      fields.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  fields.push(current.trim());
  return fields;
}

/**
 * Reads a published list: one identifier per line, in the column named number/numero/phone/
 * telefono/value (else the first), and a `kind` column when there is one (phone by default).
 */
export function parseIdentifierList(text: string, country: Country): { identifiers: Identifier[]; skipped: ImportSummary["skipped"] } {
  const lines = text.split(/\r?\n/);
  const header = csvFields(lines[0] ?? "").map((field) => field.toLowerCase());
  const named = header.findIndex((field) => ["number", "numero", "número", "phone", "telefono", "teléfono", "value"].includes(field));
  const hasHeader = named >= 0 || header.includes("kind");
  const valueColumn = Math.max(0, named);
  const kindColumn = header.indexOf("kind");
  const identifiers: Identifier[] = [];
  const skipped: ImportSummary["skipped"] = [];
  lines.forEach((line, index) => {
    if ((hasHeader && index === 0) || !line.trim() || line.trim().startsWith("#")) return;
    const fields = csvFields(line);
    const value = fields[valueColumn] ?? "";
    const kind = kindColumn >= 0 ? (fields[kindColumn] ?? "phone").toLowerCase() : "phone";
    const result =
      kind === "phone"
        ? normalizeCallerNumber(value, country)
        : (paymentKinds as readonly string[]).includes(kind)
          ? normalizePaymentIdentifier(value, kind as PaymentKind)
          : { ok: false as const, error: "identifier.unrecognized" };
    if (result.ok) identifiers.push(result.identifier);
    else skipped.push({ line: index + 1, value: value.slice(0, 60), error: result.error });
  });
  return { identifiers, skipped };
}

/**
 * Loads a published list of extortion numbers into the registry, marked by its source: shown
 * to families at once ("on a published list") and in the partner feed, whatever the count of
 * family reports. In batches, one statement each.
 */
export async function importIdentifiers(options: { source: string; identifiers: Identifier[] }): Promise<number> {
  const unique = [...new Map(options.identifiers.map((identifier) => [identifierHash(identifier), identifier])).entries()];
  for (let start = 0; start < unique.length; start += 5000) {
    const batch = unique.slice(start, start + 5000);
    await db.$executeRaw`
      INSERT INTO caller_identifier (hash, kind, families, value, source, "firstSeenAt", "lastSeenAt", "publishedAt", "updatedAt")
      SELECT h, k::"CallerIdentifierKind", 0, v, ${options.source}, now(), now(), now(), now()
      FROM unnest(${batch.map(([hash]) => hash)}::text[], ${batch.map(([, identifier]) => identifier.kind)}::text[], ${batch.map(([, identifier]) => identifier.value)}::text[]) AS t(h, k, v)
      ON CONFLICT (hash) DO UPDATE SET
        value = EXCLUDED.value, source = EXCLUDED.source, "updatedAt" = now(),
        "publishedAt" = coalesce(caller_identifier."publishedAt", now())`;
  }
  return unique.length;
}
