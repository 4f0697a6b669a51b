"use server";
// Test check-ins from the plan (familyAction; the check-in functions check the family).
import { familyAction } from "@/lib/server/actions/action-builders";
import { sendTestCheckIns, type TestTarget } from "@/lib/server/check-ins/test-check-ins";

function targetFrom(formData: FormData): TestTarget {
  const kind = formData.get("kind");
  const id = String(formData.get("id") ?? "");
  if (kind === "person" || kind === "contact") return { kind, id };
  return { kind: "everyone" };
}

export const sendTestCheckInAction = familyAction({}, async ({ scope, formData }) => {
  const checkIns = await sendTestCheckIns({ ...scope, target: targetFrom(formData) });
  return { status: "success", successMessage: "sentCount", successValues: { count: String(checkIns.length) } };
});
