import { describe, expect, it } from "vitest";
import { isWeakPassword, nextPathSchema, signUpSchema } from "./auth";

function messages(input: unknown) {
  return signUpSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? [];
}

describe("signUpSchema", () => {
  it("normalizes the email and accepts a decent password", () => {
    const parsed = signUpSchema.parse({ name: "  Ana  ", email: " Ana@Example.COM ", password: "sol de mediodía" });
    expect(parsed).toEqual({ name: "Ana", email: "ana@example.com", password: "sol de mediodía" });
  });

  it.each([
    [{ name: "", email: "ana@example.com", password: "sol de mediodía" }, ["name:name.required"]],
    [{ name: "Ana", email: "not-an-email", password: "sol de mediodía" }, ["email:email.invalid"]],
    [{ name: "Ana", email: "ana@example.com", password: "short" }, ["password:password.tooShort"]],
    [{ name: "Ana", email: "ana@example.com", password: "1234567890" }, ["password:password.weak"]],
    [{ name: "Ana", email: "ana@example.com", password: "aaaaaaaaaaaa" }, ["password:password.weak"]],
    [{}, ["name:name.required", "email:email.required", "password:password.required"]],
  ])("refuses %j with %j", (input, expected) => {
    expect(messages(input)).toEqual(expected);
  });
});

describe("isWeakPassword", () => {
  it("flags common and repetitive passwords only", () => {
    expect(isWeakPassword("Password123")).toBe(true);
    expect(isWeakPassword("ababababab")).toBe(true);
    expect(isWeakPassword("tres tristes tigres")).toBe(false);
  });
});

describe("nextPathSchema", () => {
  it.each([
    ["/invite/abc", "/invite/abc"],
    ["/family/1?tab=plan", "/family/1?tab=plan"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (input, expected) => {
    expect(nextPathSchema.parse(input)).toBe(expected);
  });
});
