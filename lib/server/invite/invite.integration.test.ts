import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily, createTestUser } from "@/tests/integration/factories";
import { acceptInvite } from "./accept-invite";
import { createInvite } from "./create-invite";
import { findUsableInvite } from "./find-invite";
import { hashInviteToken, INVITE_TTL_HOURS } from "./invite-token";
import { revokeInvite } from "./revoke-invite";

describe("createInvite", () => {
  it("stores only the token's hash, with an expiry", async () => {
    const { family, ownerId } = await createTestFamily();
    const now = new Date("2026-11-23T12:00:00Z");
    const { token, invite } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin", now });
    const stored = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.tokenHash).toBe(hashInviteToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(INVITE_TTL_HOURS * 3600_000);
    expect(stored.role).toBe("admin");
  });

  it("is refused to members and to other families", async () => {
    const { family } = await createTestFamily();
    const member = await addTestMember(family.id, "member");
    const { ownerId: outsider } = await createTestFamily();
    await expect(createInvite({ familyId: family.id, userId: member.id, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvite({ familyId: family.id, userId: outsider, role: "admin" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("acceptInvite", () => {
  it("makes the invited adult an admin of the family, once", async () => {
    const { family, ownerId } = await createTestFamily();
    const { token } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin" });
    const invitee = await createTestUser("Invitee");
    const membership = await acceptInvite({ token, userId: invitee.id });
    expect(membership).toMatchObject({ familyId: family.id, userId: invitee.id, role: "admin" });

    const another = await createTestUser("Another");
    await expect(acceptInvite({ token, userId: another.id })).rejects.toMatchObject({ code: "gone", messageKey: "invite.used" });
  });

  it("refuses an expired invite", async () => {
    const { family, ownerId } = await createTestFamily();
    const past = new Date(Date.now() - (INVITE_TTL_HOURS + 1) * 3600_000);
    const { token } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin", now: past });
    const invitee = await createTestUser();
    await expect(acceptInvite({ token, userId: invitee.id })).rejects.toMatchObject({ code: "gone", messageKey: "invite.expired" });
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(0);
  });

  it("refuses unknown and malformed tokens as not found", async () => {
    const user = await createTestUser();
    for (const token of ["short", "x".repeat(43), "../../etc/passwd"]) {
      await expect(acceptInvite({ token, userId: user.id })).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("tells an existing member they already belong, and keeps the invite usable", async () => {
    const { family, ownerId } = await createTestFamily();
    const { token } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin" });
    await expect(acceptInvite({ token, userId: ownerId })).rejects.toMatchObject({ code: "conflict", messageKey: "invite.alreadyMember" });
    await expect(findUsableInvite({ token })).resolves.toMatchObject({ familyId: family.id });
  });

  it("lets only one of two simultaneous acceptances win", async () => {
    const { family, ownerId } = await createTestFamily();
    const { token } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin" });
    const [first, second] = await Promise.all([createTestUser("A"), createTestUser("B")]);
    const results = await Promise.allSettled([acceptInvite({ token, userId: first.id }), acceptInvite({ token, userId: second.id })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { familyId: family.id } })).toBe(2);
  });
});

describe("revokeInvite", () => {
  it("withdraws a pending invite so its link stops working", async () => {
    const { family, ownerId } = await createTestFamily();
    const { token, invite } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin" });
    await revokeInvite({ familyId: family.id, userId: ownerId, inviteId: invite.id });
    await expect(findUsableInvite({ token })).rejects.toMatchObject({ code: "not_found" });
  });

  it("cannot touch another family's invite, even through one's own family id", async () => {
    const { family, ownerId } = await createTestFamily();
    const { invite } = await createInvite({ familyId: family.id, userId: ownerId, role: "admin" });
    const other = await createTestFamily();
    await expect(revokeInvite({ familyId: other.family.id, userId: other.ownerId, inviteId: invite.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(revokeInvite({ familyId: family.id, userId: other.ownerId, inviteId: invite.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(revokeInvite({ familyId: family.id, userId: ownerId, inviteId: "nope" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.invite.count({ where: { id: invite.id } })).toBe(1);
  });
});
