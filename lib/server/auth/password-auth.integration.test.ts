import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as authRoute } from "@/app/api/auth/[...all]/route";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { signInLimits, signInWithPassword, signUpWithPassword } from "./password-auth";

const password = "correct horse battery";

/** A request from this TCP peer (what scripts/peer-address.cjs writes for the real server). */
function fromAddress(address = randomAddress()) {
  return new Headers({ [PEER_ADDRESS_HEADER]: address, "user-agent": "vitest" });
}

function randomAddress() {
  return `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

/** A call to the library's own HTTP endpoint, through the app's route handler. */
async function callAuthApi(path: string, options: { body: unknown; peer: string; forwardedFor?: string; cookie?: string }) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    origin: "http://localhost:3000",
    [PEER_ADDRESS_HEADER]: options.peer,
  };
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor;
  if (options.cookie) headers.cookie = options.cookie;
  return authRoute(new Request(`http://localhost:3000/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(options.body) }));
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
    await expect(
      signInWithPassword({ input: { email, password: "wrong password!" }, requestHeaders: fromAddress() }),
    ).rejects.toMatchObject({
      code: "unauthenticated",
      messageKey: "signIn.invalid",
    });
  });

  it("locks an email out after too many attempts, from any address", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    for (let i = 0; i < signInLimits.perEmail.limit; i++) {
      await expect(
        signInWithPassword({ input: { email, password: `guess ${i} guess` }, requestHeaders: fromAddress() }),
      ).rejects.toMatchObject({
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

  // Thirty-one password checks, each as slow as the hash makes it: allowed minutes on a slow machine.
  it("limits one address trying many emails", { timeout: 180_000 }, async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const outcomes = [];
    for (let i = 0; i <= signInLimits.perAddress.limit; i++) {
      outcomes.push(
        await signInWithPassword({ input: { email: newEmail(), password }, requestHeaders: fromAddress(address) }).catch(
          (error) => error.code,
        ),
      );
    }
    expect(outcomes.at(-1)).toBe("rate_limited");
    expect(outcomes.slice(0, -1).every((code) => code === "unauthenticated")).toBe(true);
  });
});

describe("the library's own endpoints (/api/auth/*)", () => {
  it("are limited per address, whatever X-Forwarded-For the client rotates", async () => {
    const peer = randomAddress();
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const response = await callAuthApi("/sign-in/email", { body: { email: newEmail(), password }, peer, forwardedFor: `203.0.113.${i}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("lock an email after wrong passwords from rotating forwarded addresses: then even the right one is refused", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const response = await callAuthApi("/sign-in/email", {
        body: { email, password: `wrong guess ${i}` },
        peer: randomAddress(),
        forwardedFor: `203.0.113.${i}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, signInLimits.perEmail.limit).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(signInLimits.perEmail.limit).every((status) => status === 429)).toBe(true);
    const right = await callAuthApi("/sign-in/email", { body: { email, password }, peer: randomAddress() });
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie") ?? "").not.toContain("session_token");
    expect(await right.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });

  it("share the lock with the sign-in form, in PostgreSQL", async () => {
    const email = newEmail();
    await signUpWithPassword({ input: { name: "Ana", email, password }, requestHeaders: fromAddress() });
    for (let i = 0; i < signInLimits.perEmail.limit; i++) {
      await signInWithPassword({ input: { email, password: `guess ${i} guess` }, requestHeaders: fromAddress() }).catch(() => undefined);
    }
    const response = await callAuthApi("/sign-in/email", { body: { email: email.toUpperCase(), password }, peer: randomAddress() });
    expect(response.status).toBe(429);
    expect(await db.session.count({ where: { user: { email } } })).toBe(1); // the sign-up's only
  });

  it.each(["aaaaaaaaaa", "1234567890", "short", "qwertyuiop"])("refuse signing up with the password %j, as the form does", async (weak) => {
    const email = newEmail();
    const response = await callAuthApi("/sign-up/email", { body: { name: "Ana", email, password: weak }, peer: randomAddress() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("normalize a sign-up like the form: trimmed name, lowercased email", async () => {
    const email = newEmail();
    const response = await callAuthApi("/sign-up/email", {
      body: { name: "  Ana  ", email: ` ${email.toUpperCase()} `, password },
      peer: randomAddress(),
    });
    expect(response.status).toBe(200);
    expect(await db.user.findUnique({ where: { email }, select: { name: true } })).toEqual({ name: "Ana" });
  });

  it("refuse a weak new password on change-password", async () => {
    const email = newEmail();
    const peer = randomAddress();
    const signedUp = await callAuthApi("/sign-up/email", { body: { name: "Ana", email, password }, peer });
    const cookie = (signedUp.headers.get("set-cookie") ?? "").split(";")[0]!;
    const weak = await callAuthApi("/change-password", { body: { currentPassword: password, newPassword: "1234567890" }, peer, cookie });
    expect(weak.status).toBe(400);
    const strong = await callAuthApi("/change-password", {
      body: { currentPassword: password, newPassword: "otra frase bastante larga" },
      peer,
      cookie,
    });
    expect(strong.status).toBe(200);
  });
});

describe("the auth library's /update-user", () => {
  async function signedUpCookie(peer: string) {
    const email = newEmail();
    const signedUp = await callAuthApi("/sign-up/email", { body: { name: "Ana", email, password }, peer });
    return { email, cookie: (signedUp.headers.get("set-cookie") ?? "").split(";")[0]! };
  }

  it("applies the sign-up form's name rule and refuses a blank or huge name", async () => {
    const peer = randomAddress();
    const { email, cookie } = await signedUpCookie(peer);
    for (const name of ["x".repeat(10_000), "   ", "x".repeat(81)]) {
      const response = await callAuthApi("/update-user", { body: { name }, peer, cookie });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_INPUT" });
    }
    // A 100,000-character name is past the endpoints' byte cap before any rule reads it.
    expect((await callAuthApi("/update-user", { body: { name: "x".repeat(100_000) }, peer, cookie })).status).toBe(413);
    expect(await db.user.findUnique({ where: { email }, select: { name: true } })).toEqual({ name: "Ana" });
    const renamed = await callAuthApi("/update-user", { body: { name: "  Ana María  " }, peer, cookie });
    expect(renamed.status).toBe(200);
    expect(await db.user.findUnique({ where: { email }, select: { name: true } })).toEqual({ name: "Ana María" });
  });

  it("refuses fields the app does not let anyone change", async () => {
    const peer = randomAddress();
    const { email, cookie } = await signedUpCookie(peer);
    for (const body of [
      { image: "https://example.test/a.png" },
      { name: "Ana", image: "https://example.test/a.png" },
      { email: newEmail() },
      { name: "Ana", emailVerified: true },
      {},
    ]) {
      const response = await callAuthApi("/update-user", { body, peer, cookie });
      expect(response.status).toBe(400);
    }
    expect(await db.user.findUnique({ where: { email }, select: { name: true, image: true, emailVerified: true } })).toEqual({
      name: "Ana",
      image: null,
      emailVerified: false,
    });
  });
});
