/**
 * What one request knows about its user, kept in `res.locals` under one typed
 * key. Middleware fills it once (session.ts, i18n in app.ts); handlers read it
 * through these functions instead of flags on `req`.
 */
import type { Response } from 'express';
import type { User } from '../domain/account.js';
import { Problem } from '../domain/errors.js';
import type { Locale, Translate } from '../i18n/translate.js';

export interface RequestContext {
  user?: User;
  csrfToken?: string;
  sessionTokenHash?: string;
  locale: Locale;
  t: Translate;
}

export function getContext(res: Response): RequestContext {
  return res.locals.context as RequestContext;
}

export function setContext(res: Response, context: RequestContext): void {
  res.locals.context = context;
}

/** The logged-in user; a request without one is answered with notLoggedIn. */
export function requireUser(res: Response): User {
  const { user } = getContext(res);
  if (!user) throw new Problem('notLoggedIn');
  return user;
}
