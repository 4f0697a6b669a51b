import "server-only";
// The only way this app makes a server action. Each builder authenticates (or says, by its name,
// that it does not), reads the bound ids as strings whatever a hand-made request sent, parses the
// form with its schema, maps every failure to a translated message (never a 500), lets Next's
// redirects through, and refreshes what changed. The data-access functions then check the family
// and the role. app/server-actions.integration.test.ts checks that every export of every
// "use server" file was made here.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { asFormData, parseForm, type FormState } from "@/lib/validation/form-state";

type Names = readonly string[];
/** The bound values by name, in the work's scope. */
type Named<N extends Names> = { [K in N[number]]: string };
/** The bound values as the form binds them (`action.bind(null, familyId, personId)`). */
type Positional<N extends Names> = { -readonly [K in keyof N]: string | null };
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type UserScope = { userId: string };
export type FamilyScope = { familyId: string; userId: string };

type Definition<N extends Names, S, Ids> = {
  /** The values bound before the form's, in order, after the family's id for a family action. */
  bound?: N;
  /** Parses the form before the work: a field error comes back on its field and nothing runs. */
  schema?: S;
  /** Where signing in brings the adult back. */
  returnTo?: (ids: Ids) => string;
  /** What to refresh once the work is done (a family's action: every page of the family). */
  revalidate?: (ids: Ids) => string | null;
};

type Work<Scope, S, State> = (context: { scope: Scope; input: Parsed<S>; formData: FormData }) => Promise<State | void>;

const built = Symbol.for("confirma.server-action");

/** Whether a value is a server action made by these builders (app/server-actions.integration.test.ts). */
export function isBuiltAction(value: unknown): boolean {
  return typeof value === "function" && (value as unknown as Record<symbol, unknown>)[built] === true;
}

function mark<F extends (...args: never[]) => unknown>(action: F): F {
  Object.defineProperty(action, built, { value: true });
  return action;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

function boundIds<N extends Names>(names: N | undefined, args: unknown[]): Named<N> {
  return Object.fromEntries((names ?? []).map((name, index) => [name, text(args[index])])) as Named<N>;
}

async function run<S, Scope, State extends FormState>(
  definition: { schema?: S },
  scope: Scope,
  formData: FormData,
  refresh: string | null,
  work: Work<Scope, S, State>,
): Promise<State> {
  let input = undefined as Parsed<S>;
  if (definition.schema) {
    const parsed = parseForm(definition.schema as unknown as z.ZodType, formData);
    if (!parsed.ok) return parsed.state as State;
    input = parsed.data as Parsed<S>;
  }
  try {
    const result = await work({ scope, input, formData });
    if (refresh) revalidatePath(refresh, "layout");
    return result ?? ({ status: "success" } as State);
  } catch (error) {
    // redirect() and notFound() are Next's own control flow: they go on, after the refresh.
    if (error instanceof Error && "digest" in error) {
      if (refresh) revalidatePath(refresh, "layout");
      throw error;
    }
    return actionErrorState(error, formData) as State;
  }
}

/**
 * A form action of one family: `(familyId, ...bound, previousState, formData)`. The adult must be
 * signed in; the work gets `{ familyId, userId, ...bound }` and hands it to data-access functions
 * that check membership and role.
 */
export function familyAction<const N extends Names = [], S extends z.ZodType | undefined = undefined, State extends FormState = FormState>(
  definition: Definition<N, S, { familyId: string } & Named<N>>,
  work: Work<FamilyScope & Named<N>, S, NoInfer<State>>,
): (familyId: string, ...args: [...Positional<N>, State, FormData]) => Promise<State> {
  return mark(async (familyId: string, ...args: unknown[]) => {
    const ids = { familyId: text(familyId), ...boundIds(definition.bound, args) };
    const session = await requireSession(definition.returnTo?.(ids) ?? `/family/${ids.familyId}`);
    const refresh = definition.revalidate ? definition.revalidate(ids) : `/family/${ids.familyId}`;
    return run(definition, { ...ids, userId: session.user.id }, asFormData(args.at(-1)), refresh, work);
  });
}

/** A form action of the signed-in adult, outside any family: `(...bound, previousState, formData)`. */
export function userAction<const N extends Names = [], S extends z.ZodType | undefined = undefined, State extends FormState = FormState>(
  definition: Definition<N, S, Named<N>> & { returnTo: (ids: Named<N>) => string },
  work: Work<UserScope & Named<N>, S, NoInfer<State>>,
): (...args: [...Positional<N>, State, FormData]) => Promise<State> {
  return mark(async (...args: unknown[]) => {
    const ids = boundIds(definition.bound, args);
    const session = await requireSession(definition.returnTo(ids));
    return run(definition, { ...ids, userId: session.user.id }, asFormData(args.at(-1)), definition.revalidate?.(ids) ?? null, work);
  });
}

/** A form action anyone may call (signing in and up): `(previousState, formData)`. */
export function publicAction<S extends z.ZodType | undefined = undefined, State extends FormState = FormState>(
  definition: { schema?: S },
  work: Work<Record<string, never>, S, NoInfer<State>>,
): (previous: State, formData: FormData) => Promise<State> {
  return mark(async (_previous: State, formData: FormData) => run(definition, {}, asFormData(formData), null, work));
}

/**
 * A call of one family's page that is not a form (the caller check while typing, a plain
 * `<form action>` without state): `(familyId, ...bound, input)`. Its failures become the
 * page's own answer (`failed`), translated; the input is whatever the page sent, parsed by `schema`.
 */
export function familyCall<const N extends Names = [], S extends z.ZodType = z.ZodType, Result = unknown>(
  definition: {
    bound?: N;
    schema: S;
    returnTo: (ids: { familyId: string } & Named<N>) => string;
    revalidate?: (ids: { familyId: string } & Named<N>) => string | null;
  },
  failed: (error: unknown) => Result | Promise<Result>,
  work: (context: { scope: FamilyScope & Named<N>; input: z.output<S> }) => Promise<Result>,
): (familyId: string, ...args: [...Positional<N>, unknown]) => Promise<Result> {
  return mark(async (familyId: string, ...args: unknown[]) => {
    const ids = { familyId: text(familyId), ...boundIds(definition.bound, args) };
    const session = await requireSession(definition.returnTo(ids));
    const parsed = definition.schema.safeParse(args.at(-1));
    if (!parsed.success) return failed(parsed.error);
    try {
      const result = await work({ scope: { ...ids, userId: session.user.id }, input: parsed.data });
      const refresh = definition.revalidate?.(ids);
      if (refresh) revalidatePath(refresh);
      return result;
    } catch (error) {
      return failed(error);
    }
  });
}

/** A plain `<form action>` anyone may submit (the language switch, signing out): `(formData)`. */
export function publicFormAction(work: (formData: FormData) => Promise<void>): (formData: FormData) => Promise<void> {
  return mark(async (formData: FormData) => work(asFormData(formData)));
}
