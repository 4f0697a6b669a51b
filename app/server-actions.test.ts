// Every server action, found from the files that declare them, checks the session before it
// does anything, and hands the family's id to a data-access function that checks membership
// (those refuse other families' ids: see their integration tests). A new action that forgets
// the session fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.") ? [full] : [];
  });
}

const actionFiles = sourceFiles(path.join(import.meta.dirname)).filter((file) => /^\s*"use server";/.test(readFileSync(file, "utf8")));

/** Each top-level function of the file with its body (up to the next top-level function). */
function functions(source: string): { name: string; exported: boolean; body: string }[] {
  const starts = [...source.matchAll(/^(export )?(?:async )?function (\w+)/gm)];
  return starts.map((match, index) => ({ name: match[2]!, exported: Boolean(match[1]), body: source.slice(match.index, starts[index + 1]?.index ?? source.length) }));
}

/** Functions of the file that reach requireSession, directly or through another of them. */
function sessionHelpers(source: string): Set<string> {
  const all = functions(source);
  const checking = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const fn of all) {
      if (checking.has(fn.name)) continue;
      if (fn.body.includes("requireSession(") || [...checking].some((helper) => fn.body.includes(`${helper}(`))) {
        checking.add(fn.name);
        grew = true;
      }
    }
  }
  return checking;
}

describe("server actions", () => {
  it("are all found", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of actionFiles) {
    const source = readFileSync(file, "utf8");
    const helpers = sessionHelpers(source);
    for (const action of functions(source).filter((fn) => fn.exported)) {
      it(`${path.relative(process.cwd(), file)} › ${action.name} checks the session`, () => {
        // Choosing the interface language needs no session (it only sets a cookie); signing
        // in, up and out is the session itself.
        const sessionless = ["setLocaleAction", "signInAction", "signUpAction", "signOutAction"];
        if (sessionless.includes(action.name)) return;
        expect(helpers.has(action.name), `${action.name} must call requireSession (or a helper that does)`).toBe(true);
      });
    }
  }
});
