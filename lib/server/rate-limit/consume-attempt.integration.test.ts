import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeAttempt, resetAttempts } from "./consume-attempt";

describe("consumeAttempt", () => {
  it("allows `limit` attempts in a window and refuses the next", async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeAttempt({ key, limit: 3, windowSeconds: 60 }));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts concurrent attempts exactly", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeAttempt({ key, limit: 5, windowSeconds: 60 })));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });

  it("starts a new window once the old one has passed, and forgets on reset", async () => {
    const key = `test:${randomUUID()}`;
    await consumeAttempt({ key, limit: 1, windowSeconds: 60 });
    await db.attemptCounter.update({ where: { key }, data: { windowStartedAt: new Date(Date.now() - 61_000) } });
    expect((await consumeAttempt({ key, limit: 1, windowSeconds: 60 })).allowed).toBe(true);
    expect((await consumeAttempt({ key, limit: 1, windowSeconds: 60 })).allowed).toBe(false);
    await resetAttempts({ key });
    expect((await consumeAttempt({ key, limit: 1, windowSeconds: 60 })).allowed).toBe(true);
  });
});
