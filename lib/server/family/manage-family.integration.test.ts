import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { updateAlertPhone, updateEscalationDelays } from "./manage-family";

const delays = { callDelaySeconds: 30, tier1DelaySeconds: 60, tier2DelaySeconds: 120, tier3DelaySeconds: 240 };

describe("family settings", () => {
  it("editors set the escalation delays; members and other families cannot", async () => {
    const { family, ownerId } = await createTestFamily();
    await updateEscalationDelays({ familyId: family.id, userId: ownerId, delays });
    expect(await db.family.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject(delays);
    const member = await addTestMember(family.id, "member");
    await expect(updateEscalationDelays({ familyId: family.id, userId: member.id, delays })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTestFamily();
    await expect(updateEscalationDelays({ familyId: family.id, userId: other.ownerId, delays })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("each adult sets their own alert number, normalized, or removes it", async () => {
    const { family, ownerId } = await createTestFamily();
    const member = await addTestMember(family.id, "member");
    await updateAlertPhone({ familyId: family.id, userId: member.id, phone: "55 1234 9876" });
    const stored = () => db.membership.findFirstOrThrow({ where: { familyId: family.id, userId: member.id } });
    expect((await stored()).phone).toBe("+525512349876");
    await expect(updateAlertPhone({ familyId: family.id, userId: member.id, phone: "12" })).rejects.toMatchObject({
      messageKey: "phone.tooShort",
    });
    await updateAlertPhone({ familyId: family.id, userId: member.id, phone: " " });
    expect((await stored()).phone).toBeNull();
    expect((await db.membership.findFirstOrThrow({ where: { familyId: family.id, userId: ownerId } })).phone).toBeNull();
  });
});
