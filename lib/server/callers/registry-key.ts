import "server-only";
import { createHmac } from "node:crypto";
import type { Identifier } from "@/lib/caller-identifiers";
import { env } from "@/lib/env";

/**
 * The caller registry's keyed hashes (docs/decisions/015-caller-registry.md). The key is
 * CALLER_REGISTRY_SECRET, never in the database; unset (tests, a bare `next start`), it is derived
 * from BETTER_AUTH_SECRET. Without the key, a hash cannot be tested against guessed numbers.
 */
let key: Buffer | undefined;

function registryKey(): Buffer {
  key ??= env.CALLER_REGISTRY_SECRET
    ? createHmac("sha256", env.CALLER_REGISTRY_SECRET).update("confirma:caller-registry:v1").digest()
    : createHmac("sha256", env.BETTER_AUTH_SECRET).update("confirma:caller-registry:derived:v1").digest();
  return key;
}

/** The identifier's key in the registry: HMAC-SHA256 of its kind and normalized value. */
export function identifierHash(identifier: Identifier): string {
  return createHmac("sha256", registryKey()).update(`identifier\n${identifier.kind}\n${identifier.value}`).digest("base64url");
}

/** One family's report of one identifier, without the family's id: it counts once and can be withdrawn. */
export function reporterHash(familyId: string, hash: string): string {
  return createHmac("sha256", registryKey()).update(`reporter\n${familyId}\n${hash}`).digest("base64url");
}
