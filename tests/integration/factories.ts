// Rows for integration tests, written straight through Prisma.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export async function createTestUser(name = "Test Adult") {
  const id = randomUUID();
  return db.user.create({ data: { id, name, email: `${id}@example.test` } });
}

export async function createTestFamily(options: { name?: string; ownerId?: string } = {}) {
  const owner = options.ownerId ? { id: options.ownerId } : await createTestUser("Owner");
  const family = await db.family.create({
    data: {
      name: options.name ?? "Familia Prueba",
      country: "MX",
      locale: "es",
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
  });
  return { family, ownerId: owner.id };
}

export async function addTestMember(familyId: string, role: Role) {
  const user = await createTestUser(`${role} adult`);
  await db.membership.create({ data: { familyId, userId: user.id, role } });
  return user;
}
