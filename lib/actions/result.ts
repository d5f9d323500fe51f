import type { TErrorCode } from "@/lib/errors";

/** What every server action returns: data, or an error a form can show. */
export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: TErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

/** The state a form starts in before its first submission. */
export type TFormState<T> = TActionResult<T> | null;
