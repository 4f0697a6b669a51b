import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { signUpWithPassword } from "@/lib/server/auth/password-auth";
import { createFamily } from "@/lib/server/family/create-family";
import { changeMemberRole } from "@/lib/server/family/members";
import { acceptInvite } from "@/lib/server/invite/accept-invite";
import { createInvite } from "@/lib/server/invite/create-invite";
import { addTestMember, createTestUser } from "@/tests/integration/factories";
import { deleteAccount } from "./delete-account";

const password = "una frase bastante larga";

async function signedUpAdult() {
  const email = `${randomUUID()}@example.test`;
  const user = await signUpWithPassword({
    input: { name: "Adulta", email, password },
    requestHeaders: new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.44" }),
  });
  return user;
}

const newFamily = (userId: string, name: string) => createFamily({ userId, input: { name, country: "MX", locale: "es" } });

describe("deleteAccount", () => {
  it("needs the password", async () => {
    const user = await signedUpAdult();
    await expect(deleteAccount({ userId: user.id, password: "not my password" })).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "account.wrongPassword",
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("erases the families the user was the only adult of, and leaves the others", async () => {
    const user = await signedUpAdult();
    const alone = await newFamily(user.id, "Familia Sola");
    const shared = await newFamily(user.id, "Familia Compartida");
    await addTestMember(shared.id, "admin");
    const { token } = await createInvite({ familyId: shared.id, userId: user.id, role: "admin" });
    await deleteAccount({ userId: user.id, password });
    // A link the deleted adult handed out earlier makes nobody anything.
    const invited = await createTestUser("Invitada");
    await expect(acceptInvite({ token, userId: invited.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.family.count({ where: { id: alone.id } })).toBe(0);
    expect(await db.family.count({ where: { id: shared.id } })).toBe(1);
    expect(await db.membership.count({ where: { familyId: shared.id } })).toBe(1);
  });

  it("waits while the user is the last admin of a family with other adults, then works after handing over", async () => {
    const user = await signedUpAdult();
    const family = await newFamily(user.id, "Familia Grande");
    const member = await addTestMember(family.id, "member");
    await expect(deleteAccount({ userId: user.id, password })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "account.handOverFirst",
      details: { families: "Familia Grande" },
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    const memberRow = await db.membership.findFirstOrThrow({ where: { familyId: family.id, userId: member.id } });
    await changeMemberRole({ familyId: family.id, userId: user.id, membershipId: memberRow.id, role: "admin" });
    await deleteAccount({ userId: user.id, password });
    expect(await db.membership.findMany({ where: { familyId: family.id }, select: { userId: true, role: true } })).toEqual([
      { userId: member.id, role: "admin" },
    ]);
  });

  it("erases nothing when the final check finds a family blocked after all", async () => {
    const user = await signedUpAdult();
    const alone = await newFamily(user.id, "Familia Sola");
    const shared = await newFamily(user.id, "Familia Compartida");
    const other = await addTestMember(shared.id, "admin");
    // While the deletion runs, the other admin steps down: the user becomes the last admin.
    // The family's memberships are held here so that the deletion waits for that change.
    let deletion: Promise<void> | undefined;
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM membership WHERE "familyId" = ${shared.id}::uuid ORDER BY id FOR UPDATE`;
        deletion = deleteAccount({ userId: user.id, password });
        deletion.catch(() => undefined);
        await waitForALockWait();
        await tx.membership.update({ where: { familyId_userId: { familyId: shared.id, userId: other.id } }, data: { role: "member" } });
      },
      { timeout: 60_000 },
    );
    await expect(deletion).rejects.toMatchObject({ code: "conflict", messageKey: "account.handOverFirst" });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await db.family.count({ where: { id: alone.id } })).toBe(1);
    expect(await db.membership.count({ where: { familyId: alone.id, userId: user.id } })).toBe(1);
  });
});

/** Until another connection of this database waits for a row lock (the deletion reaching the held memberships). */
async function waitForALockWait() {
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`;
    if (row && row.waiting > 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
