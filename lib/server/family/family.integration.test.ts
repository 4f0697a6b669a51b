import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily, createTestUser } from "@/tests/integration/factories";
import { createFamily } from "./create-family";
import { getFamilyOverview } from "./get-family-overview";
import { listMembers } from "./members";
import { listUserFamilies } from "./list-user-families";
import { requireMembership } from "./require-membership";

describe("createFamily", () => {
  it("creates the family with the caller as owner", async () => {
    const user = await createTestUser();
    const family = await createFamily({ userId: user.id, input: { name: "Familia Ríos", country: "MX", locale: "es" } });
    const membership = await db.membership.findUniqueOrThrow({ where: { familyId_userId: { familyId: family.id, userId: user.id } } });
    expect(membership.role).toBe("owner");
    expect(await listUserFamilies({ userId: user.id })).toEqual([{ role: "owner", family: { id: family.id, name: "Familia Ríos" } }]);
  });
});

describe("getFamilyOverview", () => {
  it("shows the family, its adults and the caller's role to a member", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Luna" });
    const admin = await addTestMember(family.id, "admin");
    const overview = await getFamilyOverview({ familyId: family.id, userId: admin.id });
    expect(overview.family.name).toBe("Familia Luna");
    expect(overview.role).toBe("admin");
    const members = await listMembers({ familyId: family.id, userId: admin.id });
    expect(members.map((member) => [member.role, member.isSelf])).toEqual([
      ["owner", false],
      ["admin", true],
    ]);
    expect(members[0]!.email).toBe(`${ownerId}@example.test`);
  });

  it("refuses another family's id as not found", async () => {
    const { family } = await createTestFamily();
    const { ownerId: outsider } = await createTestFamily();
    await expect(getFamilyOverview({ familyId: family.id, userId: outsider })).rejects.toMatchObject({ code: "not_found" });
  });

  it("treats malformed and unknown ids as not found, never as a database error", async () => {
    const user = await createTestUser();
    for (const familyId of ["not-a-uuid", "'; DROP TABLE family; --", "00000000-0000-7000-8000-000000000000"]) {
      await expect(getFamilyOverview({ familyId, userId: user.id })).rejects.toBeInstanceOf(AppError);
    }
  });
});

describe("requireMembership", () => {
  it("refuses a member where an editor role is required", async () => {
    const { family } = await createTestFamily();
    const member = await addTestMember(family.id, "member");
    await expect(requireMembership({ familyId: family.id, userId: member.id, roles: ["owner", "admin"] })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
