import "server-only";
import { db } from "@/lib/db";
import type { CreateFamilyInput } from "@/lib/validation/family";

/** Creates a family with the caller as its owner. */
export async function createFamily(options: { userId: string; input: CreateFamilyInput }) {
  const { userId, input } = options;
  return db.family.create({
    data: { ...input, memberships: { create: { userId, role: "owner" } } },
  });
}
