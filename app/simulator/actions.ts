"use server";
// The simulator's replies and key presses (userAction: the signed-in adult; the simulator
// checks that the number is one of their families' and that the simulator is on).
import { userAction } from "@/lib/server/actions/action-builders";
import { simulateInboundSms, simulateKeypress } from "@/lib/server/simulator/simulator";
import { keypressSchema, simulatedReplySchema } from "@/lib/validation/simulator";

const onSimulator = { returnTo: () => "/simulator", revalidate: () => "/simulator" };

export const simulateReplyAction = userAction({ ...onSimulator, schema: simulatedReplySchema }, async ({ scope, input }) => {
  await simulateInboundSms({ userId: scope.userId, ...input });
  return { status: "success", successMessage: "sent" };
});

export const simulateKeypressAction = userAction({ ...onSimulator, schema: keypressSchema }, async ({ scope, input }) => {
  await simulateKeypress({ userId: scope.userId, ...input });
});
