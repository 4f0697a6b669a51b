import "server-only";
import { hashIdentifier, hashReporter, registryKeyFrom } from "@/lib/caller-registry-hash";
import type { Identifier } from "@/lib/caller-identifiers";
import { env } from "@/lib/env";

/**
 * The caller registry's keyed hashes (docs/decisions/015-caller-registry.md). The key is
 * CALLER_REGISTRY_SECRET, never in the database. Without the key, a hash cannot be tested
 * against guessed numbers.
 */
let key: Buffer | undefined;

const registryKey = () => (key ??= registryKeyFrom({ registrySecret: env.CALLER_REGISTRY_SECRET, authSecret: env.BETTER_AUTH_SECRET }));

export function identifierHash(identifier: Identifier): string {
  return hashIdentifier(registryKey(), identifier);
}

/** One family's report of one identifier, without the family's id: it counts once and can be withdrawn. */
export function reporterHash(familyId: string, hash: string): string {
  return hashReporter(registryKey(), familyId, hash);
}
