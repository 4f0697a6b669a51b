import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { signInLimits, signInWithPassword, signUpWithPassword } from "./password-auth";

const password = "correct horse battery";

function fromAddress(address = `198.51.100.${Math.floor(Math.random() * 250)}`) {
  return new Headers({ "x-forwarded-for": address, "user-agent": "vitest" });
}

function newEmail() {
  return `${randomUUID()}@example.test`;
}

describe("signUpWithPassword", () => {
  it("creates the user with a hashed password and a database session", async () => {
    const email = newEmail();
    const user = await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(password);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a second account with the same email", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    await expect(signUpWithPassword({ input: { name: "Otra", email, password }, requestHeaders: fromAddress() })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "email.taken",
    });
  });
});

describe("signInWithPassword", () => {
  it("signs in with the right password and refuses a wrong one", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    await expect(signInWithPassword({ input: { email, password }, requestHeaders: fromAddress() })).resolves.toMatchObject({ email });
    await expect(signInWithPassword({ input: { email, password: "wrong password!" }, requestHeaders: fromAddress() })).rejects.toMatchObject({
      code: "unauthenticated",
      messageKey: "signIn.invalid",
    });
  });

  it("locks an email out after too many attempts, from any address", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    for (let i = 0; i < signInLimits.perEmail.limit; i++) {
      await expect(signInWithPassword({ input: { email, password: `guess ${i} guess` }, requestHeaders: fromAddress() })).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    // Even the right password is refused until the window passes.
    await expect(signInWithPassword({ input: { email, password }, requestHeaders: fromAddress() })).rejects.toMatchObject({
      code: "rate_limited",
      messageKey: "signIn.tooManyAttempts",
      details: { minutes: 15 },
    });
  });

  it("limits one address trying many emails", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const outcomes = [];
    for (let i = 0; i <= signInLimits.perAddress.limit; i++) {
      outcomes.push(await signInWithPassword({ input: { email: newEmail(), password }, requestHeaders: fromAddress(address) }).catch((error) => error.code));
    }
    expect(outcomes.at(-1)).toBe("rate_limited");
    expect(outcomes.slice(0, -1).every((code) => code === "unauthenticated")).toBe(true);
  });
});

describe("the library's own sign-in endpoint", () => {
  it("is rate limited per address too", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const response = await auth.handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": address },
          body: JSON.stringify({ email: newEmail(), password }),
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
