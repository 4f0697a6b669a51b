// The exposure check: four questions from the seed documents' advice (how crews choose a target:
// an open profile, a posted number, a trip posted while away, the places a person frequents)
// and what each "yes" calls for. Answers only; never an account name or a password.
// Sources: Mexico City cyber police WhatsApp alert (2014, via Consejo Ciudadano's 24 Horas
// column): keep profiles private, do not post mobile numbers; the 2014 seed report on targets
// chosen from open Facebook profiles and travellers who post their trips (see GUIDANCE.md).

export const exposureQuestions = ["profilesPublic", "phoneVisible", "tripsPostedLive", "placesPublic"] as const;
export type ExposureQuestion = (typeof exposureQuestions)[number];

export const exposureAnswers = ["yes", "no", "unsure"] as const;
export type ExposureAnswer = (typeof exposureAnswers)[number];

export type ExposureAnswers = Record<ExposureQuestion, ExposureAnswer>;
export type ExposureLevel = "low" | "medium" | "high";

/** A check older than this is due again (the plan reminds the family's adults). */
export const EXPOSURE_RECHECK_DAYS = 183;

/**
 * How exposed the answers say a person is. A visible mobile number is how crews reach a target,
 * so it alone makes it high, as do two exposures; one exposure, or any "not sure", is medium.
 */
export function exposureLevel(answers: ExposureAnswers): ExposureLevel {
  const yes = exposureQuestions.filter((question) => answers[question] === "yes");
  if (answers.phoneVisible === "yes" || yes.length >= 2) return "high";
  if (yes.length === 1 || exposureQuestions.some((question) => answers[question] === "unsure")) return "medium";
  return "low";
}

/** The questions whose answer calls for a next step ("yes", or "not sure": then check it), most urgent first. */
export function exposureNextSteps(answers: ExposureAnswers): { question: ExposureQuestion; answer: "yes" | "unsure" }[] {
  const order: ExposureQuestion[] = ["phoneVisible", "profilesPublic", "tripsPostedLive", "placesPublic"];
  return order.flatMap((question) => {
    const answer = answers[question];
    return answer === "yes" || answer === "unsure" ? [{ question, answer }] : [];
  });
}

/** Whether a check made at `checkedAt` (or never) is due again at `now`. */
export function exposureCheckDue(checkedAt: Date | null, now: Date): boolean {
  return checkedAt === null || now.getTime() - checkedAt.getTime() > EXPOSURE_RECHECK_DAYS * 24 * 3600_000;
}
