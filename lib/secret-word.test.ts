import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carrierKeyword, yesOrNo } from "@/lib/messaging/keywords";
import { nameVariants, normalizeSecretWord, secretWordProblem, textTokens, wordCandidates, wordsTooClose } from "./secret-word";

describe("normalizeSecretWord", () => {
  it.each([
    ["Mazapán", "mazapan"],
    ["  MAZAPAN  ", "mazapan"],
    ["Ñandú", "nandu"],
    ["pan   de  elote", "pan de elote"],
    ["Crème Brûlée", "creme brulee"],
    ["¡Mariposa!", "mariposa"],
    ["mariposa 🦋.", "mariposa"],
    ["ｍａｒｉｐｏｓａ", "mariposa"],
    ["𝐦𝐚𝐫𝐢𝐩𝐨𝐬𝐚", "mariposa"],
    ["mari\u200Bposa", "mariposa"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSecretWord(input)).toBe(expected);
  });
});

describe("nameVariants", () => {
  it("holds full names and their longer parts", () => {
    expect([...nameVariants(["Ana María López", "Familia Pérez"])].sort()).toEqual(
      ["ana", "ana maria lopez", "familia", "familia perez", "lopez", "maria", "perez"].sort(),
    );
  });
});

describe("wordCandidates", () => {
  it.each([
    ["Mariposa.", "mariposa"],
    ["mariposa!", "mariposa"],
    ["mariposa, estoy bien", "mariposa"],
    ["Mamá, estoy bien 🙂 MARIPOSA", "mariposa"],
    ["pan de elote", "pan de elote"],
    ["pan de elote, ya voy", "pan de elote"],
    ["la luna, estoy bien", "la luna"],
  ])("%j offers %j", (reply, word) => {
    expect(wordCandidates(reply)).toContain(word);
  });

  it.each(["ya voy", "estoy bien, ya voy", "¿Quién es?", "mariposa perro gato casa luna", "mariposa, estoy bien, ya voy, luna"])(
    "%j is a sentence",
    (reply) => {
      expect(wordCandidates(reply)).toBeNull();
    },
  );

  const filler = fc.constantFrom("ya", "voy", "estoy", "bien", "hola", "mama", "ok", "!", "🙂", ",", "¿", "?");
  const word = fc.stringMatching(/^[a-zñ]{4,10}( [a-zñ]{4,10}){0,2}$/).filter((candidate) => secretWordProblem(candidate) === null);

  it("a word wrapped in any filler is offered whole", () => {
    fc.assert(
      fc.property(
        word,
        fc.array(filler, { maxLength: 4 }),
        fc.array(filler, { maxLength: 4 }),
        fc.boolean(),
        (secret, before, after, shout) => {
          const reply = [...before, shout ? secret.toUpperCase() : secret, ...after].join(" ");
          expect(wordCandidates(reply)).toContain(normalizeSecretWord(secret));
        },
      ),
    );
  });

  it("a reply offers candidates around one span of content only, so it is one guess", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, word), { maxLength: 10 }), (parts) => {
        const candidates = wordCandidates(parts.join(" ")) ?? [];
        const contents = new Set(
          candidates.map((candidate) =>
            textTokens(candidate)
              .filter((token) => !["ya", "voy", "estoy", "bien", "hola", "mama", "ok"].includes(token))
              .join(" "),
          ),
        );
        expect(contents.size).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("secretWordProblem", () => {
  it.each([
    ["ayuda", "isKeyword"],
    ["Cancelar", "isKeyword"],
    ["¡ALTO!", "isKeyword"],
    ["stop now", "isKeyword"],
    ["ya voy", "isCommon"],
    ["bien", "isCommon"],
    ["sí", "tooShort"],
    ["uno dos tres cuatro", "tooManyTokens"],
    ["mariposa", null],
    ["pan de elote", null],
  ])("%j → %s", (word, expected) => {
    expect(secretWordProblem(word)).toBe(expected);
  });

  it("no acceptable word is ever read as a carrier keyword or a YES/NO", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (word) => {
        if (secretWordProblem(word) !== null) return;
        expect(carrierKeyword(word)).toBeNull();
        expect(wordCandidates(word)).not.toBeNull();
      }),
    );
  });
});

describe("wordsTooClose", () => {
  it.each([
    ["mariposa", "mariposas", true],
    ["mariposa", "Mariposa!", true],
    ["luna", "lunares", true],
    ["mariposa", "girasol", false],
  ])("%j ~ %j → %s", (a, b, expected) => {
    expect(wordsTooClose(a, b)).toBe(expected);
  });
});

describe("yesOrNo", () => {
  it.each([
    ["Sí", "yes"],
    ["si, aqui esta conmigo", "yes"],
    ["YES!", "yes"],
    ["no", "no"],
    ["No, no lo veo", "no"],
    ["no sé", null],
    ["quizas", null],
    ["Si la veo te aviso", null],
    ["Y quién es?", null],
    ["Sí, pero no está aquí", null],
    ["y", null],
  ])("%j → %s", (reply, expected) => {
    expect(yesOrNo(reply)).toBe(expected);
  });
});
