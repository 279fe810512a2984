/**
 * Forms that fail validation are shown again with the user's input and a
 * message per field, with status 400, instead of a bare error page.
 */
import type { Response } from 'express';
import { Problem } from '../domain/errors.js';
import { getContext } from './context.js';
import { describeProblem } from './error-handler.js';

export interface FormErrors {
  summary: string;
  byField: Record<string, string>;
  list: { field: string; label: string; message: string }[];
}

/** The problem as form errors when it is invalid input or a conflict; any other error is rethrown. */
export function asFormErrors(error: unknown, res: Response): FormErrors {
  if (!(error instanceof Problem) || !['invalidInput', 'conflict'].includes(error.code)) throw error;
  const described = describeProblem(error, getContext(res).t);
  res.status(error.status);
  return {
    summary: described.message,
    byField: Object.fromEntries(described.fields.map((field) => [field.field, field.message])),
    list: described.fields,
  };
}
