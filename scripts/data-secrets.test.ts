import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataFolderSecret } from "./data-secrets";

const dir = mkdtempSync(path.join(os.tmpdir(), "confirma-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dataFolderSecret", () => {
  it("takes the variable when set, else generates one per variable into the data folder and keeps it", () => {
    const env = { NODE_ENV: "development" as const, CONFIRMA_DATA_DIR: dir };
    expect(dataFolderSecret({ ...env, CALLER_REGISTRY_SECRET: "s".repeat(32) }, "CALLER_REGISTRY_SECRET")).toBe("s".repeat(32));
    const registry = dataFolderSecret(env, "CALLER_REGISTRY_SECRET");
    const auth = dataFolderSecret(env, "BETTER_AUTH_SECRET");
    expect(registry).toHaveLength(64);
    expect(registry).not.toBe(auth);
    expect(dataFolderSecret(env, "CALLER_REGISTRY_SECRET")).toBe(registry);
    expect(readFileSync(path.join(dir, "caller-registry-secret"), "utf8")).toBe(registry);
    expect(statSync(path.join(dir, "caller-registry-secret")).mode & 0o777).toBe(0o600);
  });

  it("refuses to invent one in production", () => {
    expect(() => dataFolderSecret({ NODE_ENV: "production", CONFIRMA_DATA_DIR: dir }, "CALLER_REGISTRY_SECRET")).toThrow(
      /CALLER_REGISTRY_SECRET is missing/,
    );
  });
});
