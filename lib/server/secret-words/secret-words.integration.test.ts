import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { normalizeSecretWord } from "@/lib/secret-word";
import { createPerson } from "@/lib/server/people/people";
import type { SecretWordsInput } from "@/lib/validation/plan";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { checkSecretWord, getSecretWordsStatus, saveSecretWords, wordCheckLimit } from "./secret-words";
import { wordTag } from "./word-tags";

async function setUp() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Ríos" });
  await createPerson({
    familyId: family.id,
    userId: ownerId,
    input: { name: "Ana María", phone: "55 1234 5678", locale: "es", notes: "" },
  });
  return { family, scope: { familyId: family.id, userId: ownerId } };
}

/** Every text column of every table that holds one of these strings, lower-cased. */
async function columnsHolding(texts: string[]): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying')`;
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const text of texts) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE lower("${column_name}"::text) LIKE '%' || $1 || '%'`,
        text.toLowerCase(),
      );
      if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
    }
  }
  return found;
}

const randomLetters = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

describe("secret words", () => {
  it("stores argon2id hashes and keyed tags of the normalized words, never a word in clear, and matches ignoring case, accents and spaces", async () => {
    const { family, scope } = await setUp();
    // Words no other test of this database uses, so that the scan of every column finds only ours.
    const unique = randomLetters();
    await saveSecretWords({ ...scope, input: { safeWord: `¡Mazapán${unique}!`, duressWord: `Luna  Llena${unique}` } });
    const stored = await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } });
    expect(stored.safeWordHash).toMatch(/^\$argon2id\$/);
    expect(stored.duressWordHash).toMatch(/^\$argon2id\$/);
    expect(stored.safeWordTag).toBe(wordTag(family.id, normalizeSecretWord(`¡Mazapán${unique}!`)));
    expect(stored.safeWordTag).toBe(wordTag(family.id, `mazapan${unique}`));
    expect(stored.duressWordTag).toBe(wordTag(family.id, `luna llena${unique}`));
    expect(
      await columnsHolding([`mazapan${unique}`, `mazapán${unique}`, `luna llena${unique}`, `luna  llena${unique}`, `llena${unique}`]),
    ).toEqual([]);

    expect(await checkSecretWord({ ...scope, which: "safe", word: `  MAZAPAN${unique.toUpperCase()} ` })).toBe(true);
    expect(await checkSecretWord({ ...scope, which: "safe", word: `luna llena${unique}` })).toBe(false);
    expect(await checkSecretWord({ ...scope, which: "duress", word: `LUNA llena${unique}` })).toBe(true);
  });

  it("gives two families with the same words different tags", async () => {
    const first = await setUp();
    const second = await createTestFamily({ name: "Familia Soto" });
    await saveSecretWords({ ...first.scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    await saveSecretWords({ familyId: second.family.id, userId: second.ownerId, input: { safeWord: "mazapan", duressWord: "girasol" } });
    const tags = await db.secretWords.findMany({
      where: { familyId: { in: [first.family.id, second.family.id] } },
      select: { safeWordTag: true },
    });
    expect(new Set(tags.map((row) => row.safeWordTag)).size).toBe(2);
  });

  it("refuses, on the server, what the form refuses, and stores nothing", async () => {
    const { family, scope } = await setUp();
    const refused: [Partial<SecretWordsInput>, string, keyof SecretWordsInput][] = [
      [{ safeWord: "mazapan" }, "word.required", "duressWord"],
      [{ duressWord: "girasol" }, "word.required", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "  " }, "word.required", "duressWord"],
      [{ safeWord: "abc", duressWord: "girasol" }, "word.tooShort", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "x".repeat(41) }, "word.tooLong", "duressWord"],
      [{ safeWord: "pan de elote rico", duressWord: "girasol" }, "word.tooManyTokens", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "Ayuda" }, "word.isKeyword", "duressWord"],
      [{ safeWord: "CANCELAR", duressWord: "girasol" }, "word.isKeyword", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "start" }, "word.isKeyword", "duressWord"],
      [{ safeWord: "ya voy", duressWord: "girasol" }, "word.isCommon", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "bien" }, "word.isCommon", "duressWord"],
      [{ safeWord: "Mazapán", duressWord: " mazapan " }, "word.same", "duressWord"],
      [{ safeWord: "mazapan", duressWord: "mazapam" }, "word.tooClose", "duressWord"],
      [{ safeWord: "girasol", duressWord: "girasoles" }, "word.tooClose", "duressWord"],
      [{ safeWord: "Ríos", duressWord: "girasol" }, "word.isAName", "safeWord"],
      [{ safeWord: "mazapan", duressWord: "ana maria" }, "word.isAName", "duressWord"],
    ];
    for (const [input, messageKey, field] of refused) {
      // A caller that skipped the form: the types would not allow a missing word.
      await expect(saveSecretWords({ ...scope, input: input as SecretWordsInput }), JSON.stringify(input)).rejects.toMatchObject({
        code: "invalid_input",
        messageKey,
        details: { field },
      });
    }
    expect(await db.secretWords.findUnique({ where: { familyId: family.id } })).toBeNull();
  });

  it("asks for both words to replace one: a word typed again keeps its hash and date, a new one gets a new hash, tag and date", async () => {
    const { family, scope } = await setUp();
    const longAgo = new Date("2025-01-10T10:00:00Z");
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" }, now: longAgo });
    const before = await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } });
    const now = new Date("2026-11-23T10:00:00Z");
    expect(await getSecretWordsStatus({ ...scope, now })).toMatchObject({ safeWordDue: true, duressWordDue: true });

    await expect(saveSecretWords({ ...scope, input: { safeWord: "tamarindo" } as SecretWordsInput, now })).rejects.toMatchObject({
      messageKey: "word.required",
      details: { field: "duressWord" },
    });
    // Replacing the safe word with one too close to the duress word, typed again.
    await expect(saveSecretWords({ ...scope, input: { safeWord: "GIRASOLES", duressWord: "girasol" }, now })).rejects.toMatchObject({
      messageKey: "word.tooClose",
    });
    expect(await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } })).toEqual(before);

    await saveSecretWords({ ...scope, input: { safeWord: "tamarindo", duressWord: " Girasól " }, now });
    const after = await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } });
    expect(after).toMatchObject({
      duressWordHash: before.duressWordHash,
      duressWordTag: before.duressWordTag,
      duressWordChangedAt: longAgo,
      safeWordChangedAt: now,
    });
    expect(after.safeWordHash).not.toBe(before.safeWordHash);
    expect(after.safeWordTag).toBe(wordTag(family.id, "tamarindo"));
    expect(await getSecretWordsStatus({ ...scope, now })).toMatchObject({ safeWordDue: false, duressWordDue: true });
    expect(await checkSecretWord({ ...scope, which: "safe", word: "tamarindo" })).toBe(true);
    expect(await checkSecretWord({ ...scope, which: "duress", word: "girasol" })).toBe(true);
  });

  it("fills in the tags of words saved before tags existed when they are typed again", async () => {
    const { family, scope } = await setUp();
    const saved = new Date("2026-01-10T10:00:00Z");
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" }, now: saved });
    await db.secretWords.update({ where: { familyId: family.id }, data: { safeWordTag: null, duressWordTag: null } });
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    expect(await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } })).toMatchObject({
      safeWordTag: wordTag(family.id, "mazapan"),
      duressWordTag: wordTag(family.id, "girasol"),
      safeWordChangedAt: saved,
      duressWordChangedAt: saved,
    });
  });

  it("still asks for a new safe word after an incident exposed it, until a different one is saved", async () => {
    const { family, scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" }, now: new Date("2026-01-10T10:00:00Z") });
    await db.secretWords.update({ where: { familyId: family.id }, data: { safeWordExposedAt: new Date("2026-05-01T10:00:00Z") } });
    await saveSecretWords({ ...scope, input: { safeWord: "Mazapán", duressWord: "girasol" } });
    expect(await getSecretWordsStatus(scope)).toMatchObject({ safeWordExposed: true });
    await saveSecretWords({ ...scope, input: { safeWord: "tamarindo", duressWord: "girasol" } });
    expect(await getSecretWordsStatus(scope)).toMatchObject({ safeWordExposed: false });
  });

  it("limits checks per adult", async () => {
    const { scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    for (let i = 0; i < wordCheckLimit.limit; i++) await checkSecretWord({ ...scope, which: "safe", word: `guess${i}` });
    await expect(checkSecretWord({ ...scope, which: "safe", word: "mazapan" })).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "word.tooManyChecks",
    });
  });

  it("lets members check but not change, and other families do neither", async () => {
    const { family, scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    const member = await addTestMember(family.id, "member");
    expect(await checkSecretWord({ familyId: family.id, userId: member.id, which: "safe", word: "mazapan" })).toBe(true);
    await expect(
      saveSecretWords({ familyId: family.id, userId: member.id, input: { safeWord: "otra cosa", duressWord: "girasol" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTestFamily();
    await expect(
      saveSecretWords({ familyId: family.id, userId: other.ownerId, input: { safeWord: "otra cosa", duressWord: "girasol" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(checkSecretWord({ familyId: family.id, userId: other.ownerId, which: "safe", word: "mazapan" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getSecretWordsStatus({ familyId: family.id, userId: other.ownerId })).rejects.toMatchObject({ code: "not_found" });
  });
});
