import { describe, expect, it } from "vitest";
import { takeConsoleErrors } from "@/tests/setup/fail-on-console-error";
import { AppError, toErrorResponse } from "./app-error";

describe("toErrorResponse", () => {
  it("maps each application error to its status with its message key", async () => {
    const response = toErrorResponse(new AppError("not_found", "family.notFound"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "family.notFound" });
    expect(toErrorResponse(new AppError("rate_limited", "signIn.tooManyAttempts")).status).toBe(429);
    expect(toErrorResponse(new AppError("gone", "invite.used")).status).toBe(410);
  });

  it("hides unexpected errors behind a bare 500 and logs them", async () => {
    const response = toErrorResponse(new Error("connection string postgresql://secret"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
    expect(takeConsoleErrors()).toHaveLength(1);
  });
});
