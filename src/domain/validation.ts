/**
 * Validation at the boundary: parse untrusted input with a schema and turn
 * every failure into one `invalidInput` problem listing the fields and reasons.
 * Schemas give their reasons as locale keys (under `fieldErrors.`), e.g.
 * `z.string().min(1, 'required')`, so the user sees them in their language.
 */
import type { z } from 'zod';
import { Problem, type FieldError } from './errors.js';

const reasonKey = /^[a-zA-Z]+$/;

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    // The form field the user sees: an error inside a list (instruments.0) belongs to the list.
    field: issue.path.length > 0 ? String(issue.path[0]) : '(form)',
    reason: reasonKey.test(issue.message) ? issue.message : 'invalid',
  }));
}

/** Returns the parsed value, or throws `invalidInput` with every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Problem('invalidInput', { fields: toFieldErrors(result.error) });
  return result.data;
}
