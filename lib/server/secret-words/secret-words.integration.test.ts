import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPerson } from "@/lib/server/people/people";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { checkSecretWord, getSecretWordsStatus, saveSecretWords, wordCheckLimit } from "./secret-words";

async function setUp() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Ríos" });
  await createPerson({ familyId: family.id, userId: ownerId, input: { name: "Ana María", phone: "55 1234 5678", locale: "es", notes: "" } });
  return { family, scope: { familyId: family.id, userId: ownerId } };
}

describe("secret words", () => {
  it("stores only argon2id hashes and matches ignoring case, accents and spaces", async () => {
    const { family, scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "Mazapán", duressWord: "girasol" } });
    const stored = await db.secretWords.findUniqueOrThrow({ where: { familyId: family.id } });
    expect(stored.safeWordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored).toLowerCase()).not.toMatch(/mazap|girasol/);

    expect(await checkSecretWord({ ...scope, which: "safe", word: "  MAZAPAN " })).toBe(true);
    expect(await checkSecretWord({ ...scope, which: "safe", word: "girasol" })).toBe(false);
    expect(await checkSecretWord({ ...scope, which: "duress", word: "Girasól" })).toBe(true);
  });

  it("refuses missing, equal and name-like words", async () => {
    const { scope } = await setUp();
    await expect(saveSecretWords({ ...scope, input: { safeWord: "mazapan" } })).rejects.toMatchObject({ messageKey: "word.required", details: { field: "duressWord" } });
    await expect(saveSecretWords({ ...scope, input: { safeWord: "Ríos", duressWord: "girasol" } })).rejects.toMatchObject({ messageKey: "word.isAName", details: { field: "safeWord" } });
    await expect(saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "ana maria" } })).rejects.toMatchObject({ messageKey: "word.isAName", details: { field: "duressWord" } });

    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    // Replacing one word: it may not become the other one.
    await expect(saveSecretWords({ ...scope, input: { safeWord: "GIRASOL" } })).rejects.toMatchObject({ messageKey: "word.same", details: { field: "safeWord" } });
    await expect(saveSecretWords({ ...scope, input: { duressWord: "mazapán" } })).rejects.toMatchObject({ messageKey: "word.same" });
  });

  it("replaces one word, records when, and reminds after twelve months", async () => {
    const { scope } = await setUp();
    const longAgo = new Date("2025-01-10T10:00:00Z");
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" }, now: longAgo });
    const now = new Date("2026-11-23T10:00:00Z");
    expect(await getSecretWordsStatus({ ...scope, now })).toMatchObject({ safeWordDue: true, duressWordDue: true });

    await saveSecretWords({ ...scope, input: { safeWord: "tamarindo" }, now });
    const status = await getSecretWordsStatus({ ...scope, now });
    expect(status).toMatchObject({ safeWordChangedAt: now, safeWordDue: false, duressWordChangedAt: longAgo, duressWordDue: true });
    expect(await checkSecretWord({ ...scope, which: "safe", word: "tamarindo" })).toBe(true);
    expect(await checkSecretWord({ ...scope, which: "duress", word: "girasol" })).toBe(true);
  });

  it("limits checks per adult", async () => {
    const { scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    for (let i = 0; i < wordCheckLimit.limit; i++) await checkSecretWord({ ...scope, which: "safe", word: `guess${i}` });
    await expect(checkSecretWord({ ...scope, which: "safe", word: "mazapan" })).rejects.toMatchObject({ code: "rate_limited", messageKey: "word.tooManyChecks" });
  });

  it("lets members check but not change, and other families do neither", async () => {
    const { family, scope } = await setUp();
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    const member = await addTestMember(family.id, "member");
    expect(await checkSecretWord({ familyId: family.id, userId: member.id, which: "safe", word: "mazapan" })).toBe(true);
    await expect(saveSecretWords({ familyId: family.id, userId: member.id, input: { safeWord: "otra cosa" } })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTestFamily();
    await expect(checkSecretWord({ familyId: family.id, userId: other.ownerId, which: "safe", word: "mazapan" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getSecretWordsStatus({ familyId: family.id, userId: other.ownerId })).rejects.toMatchObject({ code: "not_found" });
  });
});
