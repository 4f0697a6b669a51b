// Every server action is made by one of the builders of lib/server/actions/action-builders.ts,
// which authenticate before any work (or, for publicAction, say by their name that they do
// not): every export of every "use server" file is checked at run time, whatever its syntax.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { isBuiltAction } from "@/lib/server/actions/action-builders";

const { requireSession } = vi.hoisted(() => ({ requireSession: vi.fn() }));
vi.mock("@/lib/server/auth/session", async (original) => ({ ...(await original<object>()), requireSession }));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.") ? [full] : [];
  });
}

const root = path.join(import.meta.dirname, "..");
const actionFiles = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .filter((file) => /^(\s*\/\/[^\n]*\n)*\s*["']use server["']/.test(readFileSync(file, "utf8")));

describe("server actions", () => {
  it("are found (the scan works)", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of actionFiles) {
    it(`${path.relative(root, file)}: every export is a built action`, async () => {
      const exports = (await import(file)) as Record<string, unknown>;
      const functions = Object.entries(exports).filter(([, value]) => typeof value === "function");
      expect(functions.length).toBeGreaterThan(0);
      expect(functions.filter(([, value]) => !isBuiltAction(value)).map(([name]) => name)).toEqual([]);
    });
  }

  it("asks for the session before any work, and runs nothing without one", async () => {
    const { createPersonAction } = await import("@/app/family/[familyId]/people/actions");
    const form = new FormData();
    form.set("name", "Nadie");
    form.set("phone", "+52 55 1111 0000");
    requireSession.mockRejectedValueOnce(new Error("no session"));
    await expect(createPersonAction("00000000-0000-4000-8000-000000000000", { status: "idle" }, form)).rejects.toThrow("no session");
    expect(requireSession).toHaveBeenCalledWith("/family/00000000-0000-4000-8000-000000000000");
    expect(await db.person.count({ where: { name: "Nadie" } })).toBe(0);
  });
});
