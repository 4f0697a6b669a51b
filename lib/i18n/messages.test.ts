import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { createFamilySchema } from "@/lib/validation/family";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function lookup(tree: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe("message catalogues", () => {
  it("have the same keys in Spanish and English", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it("translate every message the form schemas can produce", () => {
    const hostile = [
      {},
      { name: 1, email: "x", password: "1", country: "FR", locale: "de" },
      { name: "x".repeat(200), email: "a@b.co", password: "a".repeat(200) },
    ];
    for (const schema of [signUpSchema, signInSchema, createFamilySchema]) {
      for (const input of hostile) {
        for (const issue of schema.safeParse(input).error?.issues ?? []) {
          expect(lookup(en.errors, issue.message), issue.message).toBeTypeOf("string");
          expect(lookup(es.errors, issue.message), issue.message).toBeTypeOf("string");
        }
      }
    }
  });
});
