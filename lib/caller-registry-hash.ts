// The caller registry's keyed hashes as pure functions of a secret, shared by the app
// (lib/server/callers/registry-key.ts) and the operator's import (scripts/import-callers.ts).
// See docs/decisions/015-caller-registry.md.
import { createHmac } from "node:crypto";
import type { Identifier } from "./caller-identifiers";

/** The HMAC key, from CALLER_REGISTRY_SECRET; without one (tests, a bare `next start`), derived from BETTER_AUTH_SECRET. */
export function registryKeyFrom(secrets: { registrySecret?: string; authSecret: string }): Buffer {
  return secrets.registrySecret
    ? createHmac("sha256", secrets.registrySecret).update("confirma:caller-registry:v1").digest()
    : createHmac("sha256", secrets.authSecret).update("confirma:caller-registry:derived:v1").digest();
}

/** The identifier's key in the registry: HMAC-SHA256 of its kind and normalized value. */
export function hashIdentifier(key: Buffer, identifier: Identifier): string {
  return createHmac("sha256", key).update(`identifier\n${identifier.kind}\n${identifier.value}`).digest("base64url");
}

/** One family's report of one identifier, without the family's id in clear. */
export function hashReporter(key: Buffer, familyId: string, identifierHash: string): string {
  return createHmac("sha256", key).update(`reporter\n${familyId}\n${identifierHash}`).digest("base64url");
}
