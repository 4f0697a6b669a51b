import { redirect } from "next/navigation";
import { requireSession } from "@/lib/server/auth/session";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { getPlanOverview } from "@/lib/server/plan/get-plan-overview";

/** Resumes the guided setup at the first step that is not done. */
export default async function SetupPage({ params }: PageProps<"/family/[familyId]/setup">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/setup`);
  const plan = await getPlanOverview({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  redirect(`/family/${familyId}/setup/${plan.nextStep === "family" || !plan.nextStep ? "review" : plan.nextStep}`);
}
