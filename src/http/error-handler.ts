/**
 * The only place where errors become HTTP answers. A Problem from the error
 * catalogue gets its status and its Dutch (or English) message, as a page or
 * as JSON for API requests. Anything else is a 500 whose details are logged,
 * never shown.
 */
import type { NextFunction, Request, Response } from 'express';
import { Problem, problemCatalogue } from '../domain/errors.js';
import type { Translate } from '../i18n/translate.js';
import { getContext } from './context.js';

export type Logger = (message: string, error?: unknown) => void;

/** Errors from the body parsers, which are input problems, not server faults (uploads: upload.ts). */
function asProblem(error: unknown): Problem | undefined {
  if (error instanceof Problem) return error;
  if ((error as { code?: string } | undefined)?.code === 'SQLITE_FULL') return new Problem('storageFull');
  const { type, status, expose } = (error ?? {}) as { type?: string; status?: number; expose?: boolean };
  if (type === 'entity.too.large') return new Problem('fileTooLarge');
  // Anything else a body parser refuses (a body that does not match its Content-Encoding, too many form fields, bad JSON) is malformed.
  if ((typeof type === 'string' && (type.startsWith('entity.') || type.startsWith('parameters.'))) || type === 'encoding.unsupported' || type === 'charset.unsupported'
    || (expose === true && typeof status === 'number' && status >= 400 && status < 500)) {
    return new Problem('malformedRequest');
  }
  return undefined;
}

/** The problem in words: the message, and per field or line what is wrong. */
export function describeProblem(problem: Problem, t: Translate) {
  const { entity, limit, subject, fields = [], lines = [] } = problem.details;
  return {
    code: problem.code,
    message: t(`errors.${problem.code}`, { entity: entity ? t(`entities.${entity}`) : '', limit: limit ?? '', subject: subject ?? '' }),
    fields: fields.map((error) => ({ field: error.field, label: t(`fields.${error.field}`), message: t(`fieldErrors.${error.reason}`) })),
    lines: lines.map((error) => ({ line: error.line, reason: error.reason, message: t(`csvErrors.${error.reason}`, { value: error.value ?? '' }) })),
  };
}

export const wantsJson = (req: Request) => req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';

export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // A download that failed or was broken off half-way: the status is sent, so all that is left is to end it.
    if (res.headersSent) {
      if ((error as { code?: string } | undefined)?.code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`${req.method} ${req.originalUrl} failed while sending`, error);
      res.destroy();
      return;
    }
    const problem = asProblem(error) ?? new Problem('internal');
    if (problem.code === 'internal') log(`${req.method} ${req.originalUrl} failed`, error);
    const { t } = getContext(res);
    if (problem.code === 'notLoggedIn' && req.method === 'GET' && !wantsJson(req)) {
      return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    }
    const described = describeProblem(problem, t);
    res.status(problemCatalogue[problem.code].status);
    if (wantsJson(req)) return res.json({ error: described });
    res.render('error', { title: t('errors.title'), problem: described });
  };
}

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction) {
  next(new Problem('notFound', { entity: 'page' }));
}
