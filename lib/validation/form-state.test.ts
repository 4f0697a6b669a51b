import { describe, expect, it } from "vitest";
import { signUpSchema } from "./auth";
import { formValues, parseForm } from "./form-state";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe("parseForm", () => {
  it("returns field errors and what the user typed, except the password", () => {
    const result = parseForm(signUpSchema, form({ name: "Ana", email: "bad", password: "short", $ACTION_ID_1: "x" }));
    expect(result).toEqual({
      ok: false,
      state: {
        status: "error",
        fieldErrors: { email: ["email.invalid"], password: ["password.tooShort"] },
        values: { name: "Ana", email: "bad" },
      },
    });
  });

  it("returns the parsed data when valid", () => {
    expect(parseForm(signUpSchema, form({ name: "Ana", email: "a@b.co", password: "sol de mediodía" }))).toMatchObject({ ok: true });
  });

  it.each([[undefined], [null], ["a string"], [{ email: "a@b.co" }], [42]])(
    "treats %j in place of the form as an empty form (a hand-made action call)",
    (notAForm) => {
      const result = parseForm(signUpSchema, notAForm as unknown as FormData);
      expect(result).toMatchObject({
        ok: false,
        state: { fieldErrors: { name: ["name.required"], email: ["email.required"], password: ["password.required"] } },
      });
      expect(formValues(notAForm as unknown as FormData)).toEqual({});
    },
  );
});
