"use server";
// The caller check's actions: called from the live screen while typing (debounced) and from
// "Check a number" (familyCall: signed-in adults; the callers functions check the family).
// Answers are translated here, so the browser gets sentences, never a stack trace.
import { z } from "zod";
import type { CallerResult, IncidentPaymentView } from "@/components/incident/caller-view";
import { familyCall } from "@/lib/server/actions/action-builders";
import { checkIdentifier, describeIdentifier } from "@/lib/server/callers/check-identifier";
import { checkView, errorView } from "@/lib/server/callers/check-view";
import { addIncidentIdentifier, removeIncidentIdentifier, setIncidentCaller } from "@/lib/server/callers/incident-callers";
import { reportIdentifier, setCallerReportSharing, withdrawFamilyReport } from "@/lib/server/callers/report-identifier";
import { identifierCheckSchema, incidentCallerSchema, incidentPaymentSchema, reportHashSchema } from "@/lib/validation/callers";

type Done = { status: "success"; message: string } | { status: "error"; error: string };
const done: Done = { status: "success", message: "" };

/** A refused input says what was wrong with it; anything else is mapped by errorView. */
const failed = (error: unknown) => errorView(error instanceof z.ZodError ? (error.issues[0]?.message ?? "generic") : error);

const onCheckPage = { returnTo: ({ familyId }: { familyId: string }) => `/family/${familyId}/callers` };
const onIncident = {
  bound: ["incidentId"],
  returnTo: ({ familyId, incidentId }: { familyId: string; incidentId: string }) => `/family/${familyId}/incidents/${incidentId}`,
} as const;

/** What is known of a number or payment identifier: the check, translated. */
export const checkIdentifierAction = familyCall(
  { ...onCheckPage, schema: identifierCheckSchema },
  failed,
  async ({ scope, input }): Promise<CallerResult> => {
    const result = await checkIdentifier({ ...scope, input: input.value, kind: input.kind });
    return result.ok ? checkView(result.check) : errorView(result.error);
  },
);

/** The caller's number on the live screen (or after the call): kept on the incident, and checked. */
export const saveIncidentCallerAction = familyCall(
  { ...onIncident, schema: incidentCallerSchema },
  failed,
  async ({ scope, input }): Promise<CallerResult | null> => {
    const identifier = await setIncidentCaller({ ...scope, input: input.value, hidden: input.hidden });
    return identifier ? checkView(await describeIdentifier(scope.familyId, identifier)) : null;
  },
);

/** A payment identifier the caller gave, added to the incident and checked. */
export const addIncidentPaymentAction = familyCall(
  { ...onIncident, schema: incidentPaymentSchema },
  failed,
  async ({ scope, input }): Promise<IncidentPaymentView | { status: "error"; error: string }> => {
    const added = await addIncidentIdentifier({ ...scope, input: input.value, kind: input.kind });
    return { id: added.id, view: await checkView(await describeIdentifier(scope.familyId, added.identifier)) };
  },
);

export const removeIncidentPaymentAction = familyCall(
  { ...onIncident, schema: z.unknown() },
  failed,
  async ({ scope, input }): Promise<Done> => {
    await removeIncidentIdentifier({ ...scope, identifierId: typeof input === "string" ? input : "" });
    return done;
  },
);

/** "Check a number": the family reports what it checked. */
export const reportIdentifierAction = familyCall(
  { ...onCheckPage, schema: identifierCheckSchema, revalidate: ({ familyId }) => `/family/${familyId}/callers` },
  failed,
  async ({ scope, input }): Promise<CallerResult> => {
    await reportIdentifier({ ...scope, input: input.value, kind: input.kind });
    const result = await checkIdentifier({ ...scope, input: input.value, kind: input.kind });
    return result.ok ? checkView(result.check) : errorView(result.error);
  },
);

/** Takes back one of the family's reports. */
export const withdrawReportAction = familyCall(
  { ...onCheckPage, schema: reportHashSchema, revalidate: ({ familyId }) => `/family/${familyId}/callers` },
  failed,
  async ({ scope, input }): Promise<Done> => {
    await withdrawFamilyReport({ ...scope, hash: input });
    return done;
  },
);

const formField = (name: string) => z.instanceof(FormData).transform((form) => form.get(name));

/** The family's opt-out from automatic reports (a plain form: works without JavaScript). */
export const setSharingAction = familyCall(
  { ...onCheckPage, schema: formField("share"), revalidate: ({ familyId }) => `/family/${familyId}/callers` },
  () => undefined,
  async ({ scope, input }) => {
    await setCallerReportSharing({ ...scope, share: input === "on" });
  },
);

/** Takes back a report from the page's list (a plain form). */
export const withdrawReportFormAction = familyCall(
  { ...onCheckPage, schema: formField("hash").pipe(reportHashSchema), revalidate: ({ familyId }) => `/family/${familyId}/callers` },
  () => undefined,
  async ({ scope, input }) => {
    await withdrawFamilyReport({ ...scope, hash: input });
  },
);
