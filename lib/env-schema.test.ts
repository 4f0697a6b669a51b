import { describe, expect, it } from "vitest";
import { appEnvSchema, InvalidEnvironmentError, launcherEnvSchema, parseEnvironment } from "./env-schema";

const valid = { DATABASE_URL: "postgresql://u@127.0.0.1:5432/db", BETTER_AUTH_SECRET: "x".repeat(32) };

describe("parseEnvironment", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnvironment(appEnvSchema, valid)).toMatchObject({ PUBLIC_BASE_URL: "http://localhost:3000", DATABASE_POOL_SIZE: 10 });
  });

  it("ignores X-Forwarded-For unless TRUSTED_PROXY_HOPS says how many proxies append to it", () => {
    expect(parseEnvironment(appEnvSchema, valid).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnvironment(appEnvSchema, { ...valid, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "one", "1.5", "99"]) {
      expect(() => parseEnvironment(appEnvSchema, { ...valid, TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });

  it("validates the caller registry's key and limits, with defaults", () => {
    expect(parseEnvironment(appEnvSchema, valid)).toMatchObject({ CALLER_REGISTRY_THRESHOLD: 3, CALLER_REPORT_MIN_FAMILY_AGE_HOURS: 24 });
    expect(parseEnvironment(appEnvSchema, valid).CALLER_REGISTRY_SECRET).toBeUndefined();
    expect(() => parseEnvironment(appEnvSchema, { ...valid, CALLER_REGISTRY_SECRET: "short" })).toThrow(
      /CALLER_REGISTRY_SECRET must be at least 32 characters/,
    );
    // One family could otherwise put any number on everyone's screen.
    expect(() => parseEnvironment(appEnvSchema, { ...valid, CALLER_REGISTRY_THRESHOLD: "1" })).toThrow(/CALLER_REGISTRY_THRESHOLD/);
    expect(() => parseEnvironment(launcherEnvSchema, { CALLER_REGISTRY_SECRET: "short" })).toThrow(/CALLER_REGISTRY_SECRET/);
  });

  it("names a missing variable in one line", () => {
    expect(() => parseEnvironment(appEnvSchema, { BETTER_AUTH_SECRET: valid.BETTER_AUTH_SECRET })).toThrow(
      new InvalidEnvironmentError("Invalid environment: DATABASE_URL is missing. See .env.example."),
    );
  });

  it("names every malformed variable", () => {
    const error = (() => {
      try {
        parseEnvironment(appEnvSchema, { DATABASE_URL: "mysql://nope", BETTER_AUTH_SECRET: "short", PUBLIC_BASE_URL: "ftp://x" });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message.split("\n")).toHaveLength(1);
    expect(error?.message).toMatch(/DATABASE_URL must be a postgres/);
    expect(error?.message).toMatch(/BETTER_AUTH_SECRET must be at least 32 characters/);
    expect(error?.message).toMatch(/PUBLIC_BASE_URL/);
  });

  it("treats empty strings as unset and trims a trailing slash from the public URL", () => {
    const parsed = parseEnvironment(launcherEnvSchema, { DATABASE_URL: "", PORT: "", PUBLIC_BASE_URL: "https://confirma.example/" });
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.PORT).toBe(3000);
    expect(parsed.PUBLIC_BASE_URL).toBe("https://confirma.example");
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnvironment(launcherEnvSchema, { PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("Twilio settings", () => {
  const twilio = { TWILIO_ACCOUNT_SID: `AC${"a".repeat(32)}`, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_FROM_NUMBER: "+15005550006" };

  it("are optional together and accepted complete", () => {
    expect(parseEnvironment(appEnvSchema, valid).TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(parseEnvironment(appEnvSchema, { ...valid, ...twilio })).toMatchObject({
      TWILIO_FROM_NUMBER: "+15005550006",
      TWILIO_TIMEOUT_MS: 10_000,
    });
  });

  it("name what is missing or malformed", () => {
    expect(() => parseEnvironment(appEnvSchema, { ...valid, TWILIO_ACCOUNT_SID: twilio.TWILIO_ACCOUNT_SID })).toThrow(
      /TWILIO_AUTH_TOKEN is needed/,
    );
    expect(() => parseEnvironment(appEnvSchema, { ...valid, ...twilio, TWILIO_FROM_NUMBER: undefined })).toThrow(
      /TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID/,
    );
    expect(() => parseEnvironment(appEnvSchema, { ...valid, ...twilio, TWILIO_ACCOUNT_SID: "nope" })).toThrow(
      /TWILIO_ACCOUNT_SID must look like AC/,
    );
  });
});
