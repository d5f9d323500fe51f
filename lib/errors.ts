/**
 * The one error type that crosses layers. Its code is from a closed set so callers (the
 * action wrapper, route handlers, pages) can map it to a response without string matching.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED", // no signed-in user
  "NOT_FOUND", // missing, or exists but the caller may not know that (tenant isolation)
  "FORBIDDEN", // a member who lacks the permission (never used for non-members)
  "VALIDATION", // input failed its schema; fieldErrors says where
  "CONFLICT", // the state changed underneath (already approved, duplicate slug…)
  "RATE_LIMITED",
  "PRECONDITION", // a business rule refuses the change (last admin, role you lack…)
  "ENTITLEMENT", // the council's plan does not include this
  "CONFIG", // the service is misconfigured
  "INTERNAL", // anything unexpected; details are logged, never shown
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: TErrorCode, message: string, options?: { fieldErrors?: Record<string, string[]>; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Not found, phrased the same whether the thing is missing or hidden from the caller. */
export function notFound(what = "Page"): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}
