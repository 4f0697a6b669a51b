// The one application error. Data-access functions throw it; pages, actions and route
// handlers translate it (HTTP status, 404 page, or a translated form message).

export const appErrorStatus = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  invalid_input: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** A key in the "errors" message namespace, shown to the user. */
  readonly messageKey: string;
  readonly details?: Record<string, string | number>;

  constructor(code: AppErrorCode, messageKey: string, details?: Record<string, string | number>) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

/**
 * A typed phone number that reads as two different numbers (Mexico and the United States):
 * nothing is saved until the person says which one (see normalizePhone).
 */
export class PhoneAmbiguousError extends AppError {
  readonly readings: { e164: string; country: string | undefined; display: string }[];

  constructor(readings: { e164: string; country: string | undefined; display: string }[], field = "phone") {
    super("invalid_input", "phone.ambiguous", { field });
    this.name = "PhoneAmbiguousError";
    this.readings = readings;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Maps an error to a JSON response at a route boundary; unknown errors never leak details. */
export function toErrorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: error.code, message: error.messageKey }, { status: error.status });
  }
  console.error("Unhandled error at route boundary", error);
  return Response.json({ error: "internal" }, { status: 500 });
}
