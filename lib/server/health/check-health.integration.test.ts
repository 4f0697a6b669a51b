import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  it("is ok when the database answers", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "ok" });
  });

  it("reports an unreachable database without leaking its address", async () => {
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://secret-user:secret-pass@127.0.0.1:1/none" }),
    });
    const health = await checkHealth({ database: unreachable, timeoutMs: 3000 });
    expect(health).toMatchObject({ status: "error", database: "unreachable" });
    expect(JSON.stringify(health)).not.toContain("secret-pass");
  });
});
