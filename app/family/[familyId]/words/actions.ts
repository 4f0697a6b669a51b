"use server";
// The family's safe and duress words. Made by familyAction (signed-in adults only); the data-access
// functions check the family and the role; failures come back as translated form messages.
import { familyAction } from "@/lib/server/actions/action-builders";
import { checkSecretWord, saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { checkWordSchema, secretWordsSchema } from "@/lib/validation/plan";

export const saveSecretWordsAction = familyAction({ schema: secretWordsSchema }, async ({ scope, input }) => {
  await saveSecretWords({ ...scope, input });
  return { status: "success", successMessage: "saved" };
});

export const checkSecretWordAction = familyAction({ schema: checkWordSchema }, async ({ scope, input }) => {
  const matches = await checkSecretWord({ ...scope, which: input.which, word: input.word });
  return { status: "success", successMessage: matches ? "matches" : "noMatch", values: { which: input.which } };
});
